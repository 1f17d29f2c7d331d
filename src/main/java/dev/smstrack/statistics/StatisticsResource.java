package dev.smstrack.statistics;

import dev.smstrack.platform.QueryParameters;
import dev.smstrack.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/stats?from=2026-11-01&to=2026-12-01&groupBy=operator}: delivery statistics of
 * the messages sent in that period (from inclusive, to exclusive; a date is its start in UTC).
 */
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Tag(name = "statistics", description = "Delivery rates and times to deliver. Role: sms-reader.")
@Path("stats")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class StatisticsResource {

    private static final Duration DEFAULT_RANGE = Duration.ofDays(7);

    @Inject
    DeliveryStatistics statistics;

    @GET
    @Operation(
            summary = "Counts and shares by status, operator, hour or day (UTC), the delivery rate, the time"
                    + " from sent to the handset (p50, p90, p99, within 5% above) and the failure codes ranked,"
                    + " of the messages sent from `from` (default: 7 days before `to`) to `to` (default: now)")
    public Statistics of(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("groupBy") String groupBy) {
        Grouping grouping = grouping(QueryParameters.optional(groupBy));
        Instant end = instant("to", to, Instant.now());
        Instant start = instant("from", from, end.minus(DEFAULT_RANGE));
        if (!start.isBefore(end)) {
            throw new BadRequestException("query parameter from must be before to");
        }
        if (Duration.between(start, end).compareTo(grouping.longestRange()) > 0) {
            throw new BadRequestException("grouped by " + grouping.parameter() + ", from and to may be at most "
                    + grouping.longestRange().toDays() + " days apart");
        }
        return statistics.of(start, end, grouping);
    }

    private static Grouping grouping(String name) {
        if (name == null) {
            return Grouping.STATUS;
        }
        return Grouping.named(name)
                .orElseThrow(() -> new BadRequestException("query parameter groupBy must be one of "
                        + Arrays.stream(Grouping.values())
                                .map(Grouping::parameter)
                                .toList()));
    }

    /** An ISO-8601 instant with an offset, or a date (its start in UTC). */
    private static Instant instant(String name, String value, Instant defaultValue) {
        String text = QueryParameters.optional(value);
        if (text == null) {
            return defaultValue;
        }
        try {
            return text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException unreadable) {
            throw new BadRequestException("query parameter " + name
                    + " must be a date (2026-12-01) or an instant with an offset (2026-12-01T09:30:00Z)");
        }
    }
}
