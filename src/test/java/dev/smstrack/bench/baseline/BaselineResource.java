package dev.smstrack.bench.baseline;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Reads the body and answers 200: what the server costs before the product does anything. */
@Path("callbacks")
public class BaselineResource {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response receive(byte[] body) {
        return Response.ok().build();
    }
}
