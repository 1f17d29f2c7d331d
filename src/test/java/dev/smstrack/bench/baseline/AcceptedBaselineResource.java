package dev.smstrack.bench.baseline;

import dev.smstrack.callbacks.GroupedQueueWriters;
import dev.smstrack.callbacks.QueuedCallback;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/**
 * The product's accepting pipeline with the product's own work taken out: the body read by the
 * product's {@code NonBlockingBodyReader}, then queued durably by its {@link GroupedQueueWriters}
 * on the product's own queue, 200 once the group's commit returned, 503 if
 * it failed. No request id, no signature checked, nothing parsed, no nonce. With the queue paused
 * (the bench empties it afterwards), what accepting costs on this machine before the product checks
 * anything; with {@link StoredBaselineConsumer} taking the queue in place of the product's consumer,
 * which stores each callback as one raw row: what accepting and storing cost.
 */
@Path("accepted")
public class AcceptedBaselineResource {

    @Inject
    GroupedQueueWriters writers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public void receive(byte[] body, @Suspended AsyncResponse response) {
        writers.enqueue(QueuedCallback.unsigned(body, Instant.now(), "bench-baseline"), null)
                .whenComplete((queued, failure) -> response.resume(
                        failure == null
                                ? Response.ok().build()
                                : Response.status(503).build()));
    }
}
