package dev.smstrack.security;

import dev.smstrack.operations.Meters;
import dev.smstrack.platform.Digests;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Guessing passwords meets 429: a handler in front of the container's authentication (an Undertow
 * servlet extension: a servlet filter runs only after a login succeeded) counts the logins that
 * failed, a request with credentials answered 401, and refuses further attempts of that name from
 * that address, or of that address, with 429 and Retry-After (see {@link LoginFailures}). Sinch's
 * callback URL is left alone: it checks its own credentials, and a forger must not lock Sinch out.
 * {@code LOGIN_FAILURES_PER_USER} (5), {@code LOGIN_FAILURES_PER_ADDRESS} (50), {@code
 * LOGIN_THROTTLE_SECONDS} (300: the window counted, and how long a refusal lasts). Per node.
 */
public class LoginThrottling implements ServletExtension {

    static final String CALLBACK_PATH = "/api/sinch/";

    private static final Logger LOG = Logger.getLogger(LoginThrottling.class.getName());

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        Config config = ConfigProvider.getConfig(LoginThrottling.class.getClassLoader());
        int perUser = config.getOptionalValue("login.failures.per.user", Integer.class)
                .orElse(5);
        int perAddress = config.getOptionalValue("login.failures.per.address", Integer.class)
                .orElse(50);
        Duration window = Duration.ofSeconds(
                config.getOptionalValue("login.throttle.seconds", Integer.class).orElse(300));
        var failures = new LoginFailures(perUser, perAddress, window);
        deployment.addOuterHandlerChainWrapper(next -> new Throttle(next, failures));
    }

    private static final class Throttle implements HttpHandler {

        private final HttpHandler next;
        private final LoginFailures failures;

        Throttle(HttpHandler next, LoginFailures failures) {
            this.next = next;
            this.failures = failures;
        }

        @Override
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
            if (authorization == null || exchange.getRelativePath().startsWith(CALLBACK_PATH)) {
                next.handleRequest(exchange);
                return;
            }
            String name = nameIn(authorization);
            String address = exchange.getSourceAddress().getAddress().getHostAddress();
            var refused = failures.refusedFor(name, address, Instant.now());
            if (refused.isPresent()) {
                refuse(exchange, refused.get());
                return;
            }
            // Counted before the answer leaves: the guesser's next attempt finds this one counted.
            exchange.addResponseCommitListener(answered -> {
                if (answered.getStatusCode() == 401) {
                    failures.failed(name, address, Instant.now());
                } else if (answered.getStatusCode() < 400 || answered.getStatusCode() == 403) {
                    failures.succeeded(name, address);
                }
            });
            next.handleRequest(exchange);
        }

        private static void refuse(HttpServerExchange exchange, Duration left) {
            long seconds = Math.max(1, left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0));
            try {
                CDI.current().select(Meters.class).get().loginThrottled();
            } catch (RuntimeException notCounted) {
                LOG.fine(() -> "A refused login was not counted: " + notCounted);
            }
            exchange.setStatusCode(429);
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, Long.toString(seconds));
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/problem+json");
            exchange.getResponseSender()
                    .send("{\"type\":\"urn:sms-tracker:problem:too-many-failed-logins\","
                            + "\"title\":\"too many failed logins\",\"status\":429,"
                            + "\"detail\":\"too many failed logins for this name or from this address; retry in "
                            + seconds + " s\"}");
        }

        /**
         * The user name of Basic credentials; for anything else (a bearer token), the token itself, by
         * its digest: one bad token must not hold back another user's good one from the same address
         * (guessing tokens is the address limit's to stop).
         */
        private static String nameIn(String authorization) {
            if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                try {
                    String decoded = new String(
                            Base64.getDecoder()
                                    .decode(authorization.substring(6).strip()),
                            StandardCharsets.UTF_8);
                    int colon = decoded.indexOf(':');
                    return colon < 0 ? decoded : decoded.substring(0, colon);
                } catch (IllegalArgumentException notBase64) {
                    return "(unreadable)";
                }
            }
            return "(credentials " + Digests.sha256(authorization).substring(0, 16) + ")";
        }
    }
}
