package dev.smstrack.callbacks.authentication;

import dev.smstrack.operations.Meters;
import dev.smstrack.platform.ThrottledLog;
import dev.smstrack.platform.web.Problem;
import dev.smstrack.platform.web.RequestIds;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Admits only callbacks from Sinch. The credentials and signature headers are checked before the
 * body, so that a forger costs no HMAC; then the body, read whole already without a request thread
 * (NonBlockingBodyReader), is checked against the size limit, its exact bytes verified and put back
 * for the resource. A refusal tells the caller only "authentication failed" and a request id; which
 * check failed is logged under it.
 */
@Provider
@AuthenticatedCallback
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class CallbackAuthenticationFilter implements ContainerRequestFilter {

    /** Request property holding the {@link VerifiedNonce}, present only when the signature was verified. */
    public static final String VERIFIED_NONCE = "dev.smstrack.callbacks.verifiedNonce";

    /** The stored callback keeps the body as text: a MEDIUMTEXT holds 4 MiB even at 3 bytes a byte. */
    static final int LARGEST_LIMIT = 4 * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(CallbackAuthenticationFilter.class.getName());
    /** A flood of forgeries writes a line a second for each failed check, not one each. */
    private static final ThrottledLog REFUSALS = new ThrottledLog(LOG, Duration.ofSeconds(1));

    @Inject
    CallbackAuthentication authentication;

    @Inject
    Meters meters;

    @Inject
    @ConfigProperty(name = "sinch.callback.max.bytes", defaultValue = "1048576")
    int maxBytes;

    @Context
    HttpServletRequest servletRequest;

    @PostConstruct
    void checkLimit() {
        if (maxBytes > LARGEST_LIMIT || maxBytes < 1) {
            LOG.warning("SINCH_CALLBACK_MAX_BYTES=" + maxBytes + " is outside 1 to " + LARGEST_LIMIT + "; using "
                    + LARGEST_LIMIT);
            maxBytes = LARGEST_LIMIT;
        }
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (request.getLength() > maxBytes) {
            refuseTooLarge(request);
            return;
        }
        var headers = new SignedRequest(
                new byte[0],
                request.getHeaderString("x-sinch-webhook-signature"),
                request.getHeaderString("x-sinch-webhook-signature-algorithm"),
                request.getHeaderString("x-sinch-webhook-signature-nonce"),
                request.getHeaderString("x-sinch-webhook-signature-timestamp"));
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        var early = authentication.rejectionBeforeBody(headers, authorization);
        if (early.isPresent()) {
            refuse(request, early.get());
            return;
        }
        byte[] body = request.getEntityStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            refuseTooLarge(request);
            return;
        }
        var signed = headers.withBody(body);
        var rejection = authentication.rejectionOfBody(signed);
        if (rejection.isPresent()) {
            refuse(request, rejection.get());
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        if (authentication.verifiesSignatures()) {
            request.setProperty(VERIFIED_NONCE, new VerifiedNonce(signed.nonce(), signed.signedAt()));
        }
    }

    private void refuse(ContainerRequestContext request, Rejection rejection) {
        String requestId = RequestIds.current();
        meters.callbackRefused(rejection.check());
        REFUSALS.warning(
                rejection.check(),
                () -> "Refused a callback from " + servletRequest.getRemoteAddr() + " (request " + requestId + "): "
                        + rejection.reason());
        request.abortWith(error(
                Response.Status.UNAUTHORIZED,
                "authentication-failed",
                "authentication failed",
                "request " + requestId));
    }

    private void refuseTooLarge(ContainerRequestContext request) {
        meters.callbackAnswered(null, Meters.Answer.TOO_LARGE);
        request.abortWith(error(
                Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "callback-too-large",
                "callback too large",
                "the body exceeds the limit of " + maxBytes + " bytes (SINCH_CALLBACK_MAX_BYTES)"));
    }

    private static Response error(Response.Status status, String kind, String title, String detail) {
        return Problem.answer(status, kind, title, detail).build();
    }
}
