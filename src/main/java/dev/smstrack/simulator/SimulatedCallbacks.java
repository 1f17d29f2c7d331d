package dev.smstrack.simulator;

import dev.smstrack.callbacks.CallbackAuthentication;
import dev.smstrack.callbacks.WebhookSignature;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** Posts delivery reports to a batch's callback URL, signed as Sinch signs them, and retries as Sinch does. */
@ApplicationScoped
public class SimulatedCallbacks {

    private static final Logger LOG = Logger.getLogger(SimulatedCallbacks.class.getName());
    private static final int ATTEMPTS = 6;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    CallbackAuthentication authentication;

    private Client http;

    @PostConstruct
    void open() {
        http = ClientBuilder.newBuilder()
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .build();
    }

    @PreDestroy
    void close() {
        http.close();
    }

    void later(Duration delay, Runnable step) {
        scheduler.schedule(step, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Posts now; on 5xx, 429 or no answer, again after 1 s, 2 s, 4 s … like Sinch. */
    void post(String callbackUrl, JsonObject callback) {
        post(callbackUrl, callback.toString(), 1);
    }

    private void post(String callbackUrl, String body, int attempt) {
        int status;
        try (var response = http.target(callbackUrl)
                .request()
                .headers(headers(body))
                .post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE))) {
            status = response.getStatus();
        } catch (ProcessingException e) {
            status = 0;
        }
        boolean retried = status == 0 || status == 429 || status >= 500;
        if (retried && attempt < ATTEMPTS) {
            later(Duration.ofSeconds(1L << (attempt - 1)), () -> post(callbackUrl, body, attempt + 1));
        } else if (status < 200 || status >= 300) {
            int answered = status;
            LOG.warning(() -> "Simulated callback to " + callbackUrl + " ended with HTTP " + answered);
        }
    }

    private MultivaluedMap<String, Object> headers(String body) {
        var headers = new MultivaluedHashMap<String, Object>();
        authentication.signingSecret().ifPresent(secret -> {
            String nonce = UUID.randomUUID().toString();
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            headers.add(
                    "x-sinch-webhook-signature",
                    WebhookSignature.sign(secret, body.getBytes(StandardCharsets.UTF_8), nonce, timestamp));
            headers.add("x-sinch-webhook-signature-algorithm", "HmacSHA256");
            headers.add("x-sinch-webhook-signature-nonce", nonce);
            headers.add("x-sinch-webhook-signature-timestamp", timestamp);
        });
        authentication
                .basicCredentials()
                .ifPresent(credentials -> headers.add(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
        return headers;
    }
}
