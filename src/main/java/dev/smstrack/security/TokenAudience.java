package dev.smstrack.security;

import dev.smstrack.platform.web.Problem;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;

/**
 * A bearer token must be meant for this product: its {@code aud} claim (as the provider's
 * introspection answered it) must name {@code OIDC_AUDIENCE}, by default {@code OIDC_CLIENT_ID}.
 * Without it, a token the same provider issued to any other application of the realm would be
 * taken. Refused with 401 and {@code WWW-Authenticate: Bearer error="invalid_token"}. Runs once
 * the container has authenticated the request; Basic logins are not concerned.
 */
public class TokenAudience extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(TokenAudience.class.getName());

    @Inject
    @ConfigProperty(name = "oidc.audience")
    Optional<String> audience;

    @Inject
    @ConfigProperty(name = "oidc.client.id")
    Optional<String> clientId;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String authorization = request.getHeader("Authorization");
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        Optional<String> expected = audience.filter(value -> !value.isBlank()).or(() -> clientId);
        if (bearer && request.getUserPrincipal() != null && expected.isPresent() && !meantFor(expected.get())) {
            LOG.warning(() -> "Refused a bearer token of "
                    + request.getUserPrincipal().getName() + ": its audience is not " + expected.get());
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"audience\"");
            Problem.of(
                            Response.Status.UNAUTHORIZED,
                            "token-audience",
                            "token not meant for this service",
                            "the token's audience is not " + expected.get())
                    .writeTo(response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean meantFor(String expected) {
        SecurityDomain domain = SecurityDomain.getCurrent();
        SecurityIdentity identity = domain == null ? null : domain.getCurrentSecurityIdentity();
        return identity != null && identity.getAttributes().get("aud").contains(expected);
    }
}
