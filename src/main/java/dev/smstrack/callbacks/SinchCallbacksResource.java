package dev.smstrack.callbacks;

import dev.smstrack.callbacks.authentication.AuthenticatedCallback;
import dev.smstrack.callbacks.authentication.CallbackAuthenticationFilter;
import dev.smstrack.callbacks.authentication.VerifiedNonce;
import dev.smstrack.platform.web.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The URL Sinch calls. 200 once the callback is durably queued (the request holds no thread while it
 * waits for the broker); 400 for an authentic body that
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
    @Operation(
            summary = "Sinch's callback: delivery reports, inbound SMS, Conversation API events",
            description = "Authenticated by Sinch's HMAC-SHA256 signature over the raw body (x-sinch-webhook-signature"
                    + " headers) and/or HTTP Basic credentials Sinch sends, not by a user of this product. Which"
                    + " answer tells Sinch what: a 2xx ends its retries, a 5xx or 429 makes it retry.")
    @APIResponse(responseCode = "200", description = "Durably queued: stored once, however often Sinch sends it again")
    @APIResponse(
            responseCode = "400",
            description = "Authentic but unreadable; kept for operators. Retrying will not help.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "401",
            description = "Not from Sinch: a signature, timestamp or credential check failed (the log says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "413",
            description = "Larger than SINCH_CALLBACK_MAX_BYTES",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "Transient: the broker's budget is spent, too many bodies are being read or wait for the"
                    + " broker, or the body was not whole 20 s after the headers (REQUEST_BODY_DEADLINE_SECONDS);"
                    + " Sinch retries after Retry-After; nothing is lost",
            headers = @Header(name = "Retry-After", description = "seconds"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void receive(byte[] body, @Context HttpServletRequest request, @Suspended AsyncResponse response) {
        var nonce = (VerifiedNonce) request.getAttribute(CallbackAuthenticationFilter.VERIFIED_NONCE);
        intake.accept(body, nonce).whenComplete((problem, failure) -> {
            if (failure != null) {
                response.resume(failure instanceof CompletionException wrapped ? wrapped.getCause() : failure);
            } else {
                response.resume(problem.map(SinchCallbacksResource::malformed)
                        .orElseGet(() -> Response.ok().build()));
            }
        });
    }

    private static Response malformed(String problem) {
        return Problem.answer(
                        Response.Status.BAD_REQUEST,
                        "malformed-callback",
                        "malformed callback",
                        problem + "; the body was kept for operators")
                .build();
    }
}
