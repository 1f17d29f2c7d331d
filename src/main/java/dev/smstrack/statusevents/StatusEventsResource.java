package dev.smstrack.statusevents;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The stored delivery reports of a batch. */
@Path("status-events")
@Produces(MediaType.APPLICATION_JSON)
public class StatusEventsResource {

    @Inject
    StatusEvents events;

    @GET
    public List<StatusEventView> ofBatch(@QueryParam("batchId") String batchId) {
        if (batchId == null || batchId.isBlank()) {
            throw new BadRequestException("query parameter batchId is required");
        }
        return events.ofBatch(batchId).stream().map(StatusEventView::of).toList();
    }
}
