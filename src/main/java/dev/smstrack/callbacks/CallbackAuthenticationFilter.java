package dev.smstrack.callbacks;

import dev.smstrack.platform.ErrorBody;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Admits only callbacks from Sinch. Reads the body once, up to the size limit, verifies the exact
 * bytes received and puts them back so that the resource reads the same body.
 */
@Provider
@AuthenticatedCallback
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class CallbackAuthenticationFilter implements ContainerRequestFilter {

    /** Request property holding the signature nonce, present only when the signature was verified. */
    public static final String VERIFIED_NONCE = "dev.smstrack.callbacks.verifiedNonce";

    @Inject
    CallbackAuthentication authentication;

    @Inject
    @ConfigProperty(name = "sinch.callback.max.bytes", defaultValue = "1048576")
    int maxBytes;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (request.getLength() > maxBytes) {
            request.abortWith(tooLarge());
            return;
        }
        byte[] body = request.getEntityStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            request.abortWith(tooLarge());
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        var signed = new SignedRequest(
                body,
                request.getHeaderString("x-sinch-webhook-signature"),
                request.getHeaderString("x-sinch-webhook-signature-algorithm"),
                request.getHeaderString("x-sinch-webhook-signature-nonce"),
                request.getHeaderString("x-sinch-webhook-signature-timestamp"));
        var rejection = authentication.rejectionOf(signed, request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (rejection.isPresent()) {
            request.abortWith(error(Response.Status.UNAUTHORIZED, "authentication failed", rejection.get()));
        } else if (authentication.verifiesSignatures()) {
            request.setProperty(VERIFIED_NONCE, signed.nonce());
        }
    }

    private Response tooLarge() {
        return error(
                Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "callback too large",
                "the body exceeds the limit of " + maxBytes + " bytes (SINCH_CALLBACK_MAX_BYTES)");
    }

    private static Response error(Response.Status status, String error, String reason) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(error, reason))
                .build();
    }
}
