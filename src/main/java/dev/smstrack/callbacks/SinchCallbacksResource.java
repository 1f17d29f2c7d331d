package dev.smstrack.callbacks;

import dev.smstrack.platform.ErrorBody;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The URL Sinch calls. 200 once the callback is durably queued; 400 for an authentic body that
 * cannot be read (kept all the same); the filter answers 401 and 413, the platform 405 and 415.
 */
@Path("sinch/callbacks")
@PermitAll
public class SinchCallbacksResource {

    @Inject
    CallbackIntake intake;

    @POST
    @AuthenticatedCallback
    @Consumes(MediaType.APPLICATION_JSON)
    public Response receive(byte[] body, @Context HttpServletRequest request) {
        var nonce = (VerifiedNonce) request.getAttribute(CallbackAuthenticationFilter.VERIFIED_NONCE);
        return intake.accept(body, nonce)
                .map(problem -> Response.status(Response.Status.BAD_REQUEST)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(new ErrorBody("malformed callback", problem + "; the body was kept for operators"))
                        .build())
                .orElseGet(() -> Response.ok().build());
    }
}
