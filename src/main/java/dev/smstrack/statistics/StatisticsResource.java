package dev.smstrack.statistics;

import dev.smstrack.platform.web.QueryParameters;
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
        Instant given = QueryParameters.optionalInstant("to", to);
        Instant end = given != null ? given : Instant.now();
        Instant since = QueryParameters.optionalInstant("from", from);
        Instant start = since != null ? since : end.minus(DEFAULT_RANGE);
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
}
