package dev.smstrack.callbacks;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The URL Sinch is configured to call. Answers 200 only once the callback is durably queued. */
@Path("sinch/callbacks")
public class SinchCallbacksResource {

    @Inject
    CallbackQueue queue;

    @POST
    @SignedBySinch
    @Consumes(MediaType.APPLICATION_JSON)
    public Response receive(byte[] body) {
        queue.enqueue(body);
        return Response.ok().build();
    }
}
