package dev.smstrack.callbacks;

import dev.smstrack.platform.ErrorBody;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rejects callbacks that Sinch did not sign. Verifies the exact bytes received, then puts them back
 * so that the resource reads the same body.
 */
@Provider
@SignedBySinch
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class SignatureFilter implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "sinch.webhook.secrets")
    Optional<String> secrets;

    private WebhookSignature signature;

    @PostConstruct
    void readSecrets() {
        signature = new WebhookSignature(Arrays.asList(secrets.orElse("").split(",")));
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        var signed = new SignedRequest(
                body,
                request.getHeaderString("x-sinch-webhook-signature"),
                request.getHeaderString("x-sinch-webhook-signature-algorithm"),
                request.getHeaderString("x-sinch-webhook-signature-nonce"),
                request.getHeaderString("x-sinch-webhook-signature-timestamp"));
        signature.rejectionOf(signed).ifPresent(reason -> request.abortWith(unauthorized(reason)));
    }

    private static Response unauthorized(String reason) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody("signature rejected", reason))
                .build();
    }
}
