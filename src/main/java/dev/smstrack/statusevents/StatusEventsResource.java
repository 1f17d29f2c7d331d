package dev.smstrack.statusevents;

import dev.smstrack.platform.web.Page;
import dev.smstrack.platform.web.Paging;
import dev.smstrack.platform.web.QueryParameters;
import dev.smstrack.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Delivery reports as received, matched or not (messageId null while unmatched). */
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Tag(name = "status events", description = "Every status Sinch reported. Role: sms-reader.")
@Path("status-events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class StatusEventsResource {

    @Inject
    StatusEvents events;

    @Inject
    @ConfigProperty(name = "parked.reports.visible.after.minutes", defaultValue = "15")
    long parkedVisibleAfterMinutes;

    @GET
    public Page<StatusEventView> find(
            @QueryParam("batchId") String batchId,
            @QueryParam("recipient") String recipient,
            @BeanParam Paging paging) {
        String batch = QueryParameters.optional(batchId);
        String number = QueryParameters.optionalNumber(recipient);
        if (batch == null) {
            // The reports are found by batch (an index leads with it); a number alone would read
            // every report there is: a number's history is its messages' (/api/messages?recipient=).
            throw new BadRequestException("query parameter batchId is required (recipient narrows a batch's reports;"
                    + " for a number's history, /api/messages?recipient=)");
        }
        var found = events.find(batch, number, paging.page(), paging.size());
        return paging.of(found.items().stream().map(StatusEventView::of).toList(), found.total());
    }

    /** Reports whose message is still unknown after PARKED_REPORTS_VISIBLE_AFTER_MINUTES. */
    @GET
    @Path("unmatched")
    public List<StatusEventView> unmatched(@QueryParam("limit") String limitText) {
        int limit = QueryParameters.number("limit", limitText, 100, 1, Page.MAX_SIZE);
        Instant before = Instant.now().minus(Duration.ofMinutes(parkedVisibleAfterMinutes));
        return events.parkedSince(before, limit).stream()
                .map(StatusEventView::of)
                .toList();
    }
}
