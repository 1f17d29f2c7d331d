package dev.smstrack.sending;

import dev.smstrack.operations.Meters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * OAuth2 access tokens for project-key mode, cached until shortly before they expire so that a
 * send costs one token request per hour, not one per batch.
 */
@ApplicationScoped
public class AccessTokens {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

    @Inject
    Meters meters;

    @Inject
    SinchSettings settings;

    @Inject
    SinchHttp http;

    private String token;
    private Instant renewAt = Instant.MIN;

    public synchronized String current() {
        if (token == null || Instant.now().isAfter(renewAt)) {
            fetch();
        }
        return token;
    }

    /** Forgets the token: Sinch refused it, so the next call fetches a new one. */
    public synchronized void renew() {
        token = null;
    }

    private void fetch() {
        String credentials = Base64.getEncoder()
                .encodeToString((settings.keyId() + ":" + settings.keySecret()).getBytes(StandardCharsets.UTF_8));
        long start = System.nanoTime();
        String answered = "unreachable";
        try (var response = http.client()
                .target(settings.authUrl())
                .request(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.AUTHORIZATION, "Basic " + credentials)
                .post(Entity.form(new Form("grant_type", "client_credentials")))) {
            answered = Integer.toString(response.getStatus());
            if (response.getStatus() != 200) {
                throw new SinchUnreachableException(
                        "Sinch refused the project key (HTTP " + response.getStatus() + ")", null);
            }
            JsonObject answer = response.readEntity(JsonObject.class);
            if (!(answer.get("access_token") instanceof JsonString accessToken)
                    || !(answer.get("expires_in") instanceof JsonNumber expiresIn)) {
                throw new SinchUnreachableException(
                        "Sinch's token endpoint answered without access_token or expires_in", null);
            }
            token = accessToken.getString();
            long lifetime = Math.max(
                    0, Math.min(expiresIn.longValue(), Duration.ofDays(1).toSeconds()));
            renewAt = Instant.now().plusSeconds(lifetime).minus(RENEW_BEFORE_EXPIRY);
        } catch (ProcessingException | JsonException e) {
            throw new SinchUnreachableException("Cannot reach the Sinch token endpoint", e);
        } finally {
            meters.sinchCalled("access_token", answered, Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
