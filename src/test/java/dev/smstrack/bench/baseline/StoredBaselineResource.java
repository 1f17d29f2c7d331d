package dev.smstrack.bench.baseline;

import dev.smstrack.callbacks.authentication.WebhookSignature;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The intake the requirements demand, by hand: checks the callback's signature on its raw body,
 * queues the body as a persistent JMS message with its nonce and time of arrival, and answers 200
 * once the broker has it on disk (503 when the queue's budget is full). {@link
 * StoredBaselineConsumer} stores what it queues: every write a report requires, or with {@code
 * ?writes=callback} only its callback row (the peer's one insert, behind the broker).
 */
@Path("stored")
@RequestScoped // a CDI bean, so that the JMS context is injected in a WAR without beans.xml
public class StoredBaselineResource {

    public static final String QUEUE = "java:/jms/queue/SmsTrackerBenchStored";

    static final String NONCE = "nonce";
    static final String RECEIVED_AT = "receivedAt";
    /** Set for {@code ?writes=callback}: the consumer stores only the callback row, as the peer does. */
    static final String CALLBACK_ONLY = "callbackOnly";

    /** The bench's secret, as bench/run.sh gives it to the server. */
    private static final String SECRET = System.getenv()
            .getOrDefault("SINCH_WEBHOOK_SECRETS", "bench-secret")
            .split(",")[0];

    @Inject
    JMSContext jms;

    @Resource(lookup = QUEUE)
    Queue queue;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response receive(
            byte[] body,
            @HeaderParam("x-sinch-webhook-signature") String signature,
            @HeaderParam("x-sinch-webhook-signature-nonce") String nonce,
            @HeaderParam("x-sinch-webhook-signature-timestamp") String timestamp,
            @QueryParam("writes") String writes) {
        if (signature == null || nonce == null || timestamp == null) {
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        byte[] expected = WebhookSignature.sign(SECRET, body, nonce, timestamp).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        try {
            jms.createProducer()
                    .setProperty(NONCE, nonce)
                    .setProperty(RECEIVED_AT, System.currentTimeMillis())
                    .setProperty(CALLBACK_ONLY, "callback".equals(writes))
                    .send(queue, body);
        } catch (JMSRuntimeException full) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).build();
        }
        return Response.ok().build();
    }
}
