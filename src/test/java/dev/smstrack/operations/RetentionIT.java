package dev.smstrack.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.testing.Deployments;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The retention purge on back-dated rows of every kind it deletes, and of those it keeps. */
@ExtendWith(ArquillianExtension.class)
class RetentionIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.productWarWith(RetentionIT.class, RetentionSeeds.class);
    }

    @Inject
    RetentionSeeds seeds;

    @Inject
    Retention retention;

    @Test
    void deletesWhatIsOlderThanTheCutoffAndKeepsMessagesAndAllYounger() {
        Instant now = Instant.now();
        Instant old = now.minus(Duration.ofDays(100));
        Instant cutoff = now.minus(Duration.ofDays(90));

        String message = seeds.message(old, "Delivered");
        String oldCallback = seeds.callback(old);
        String oldEvent = seeds.statusEvent(old, oldCallback, message);
        String oldInboundCallback = seeds.callback(old);
        String oldInbound = seeds.inboundMessage(old, oldInboundCallback);
        String oldSubmission = seeds.submission(old);
        // An old callback whose event arrived after the cutoff stays as long as the event does.
        String oldCallbackOfYoungEvent = seeds.callback(old);
        String youngEvent = seeds.statusEvent(now.minus(Duration.ofDays(1)), oldCallbackOfYoungEvent, message);
        String youngCallback = seeds.callback(now);
        String youngMessage = seeds.message(now, "Delivered");
        String youngSubmission = seeds.submission(now);
        // More old events than a batch holds: the purge goes on batch after batch.
        List<String> many = new ArrayList<>();
        String manyCallback = seeds.callback(old);
        for (int i = 0; i < Retention.BATCH * 2 + 10; i++) {
            many.add(seeds.statusEvent(old.plusMillis(i), manyCallback, null));
        }

        seeds.forgetWhereRetentionStopped();
        var deleted = retention.purge(cutoff);

        assertFalse(seeds.exists("callback", oldCallback));
        assertFalse(seeds.exists("status_event", oldEvent));
        assertFalse(seeds.exists("callback", oldInboundCallback));
        assertFalse(seeds.exists("inbound_message", oldInbound));
        assertFalse(seeds.exists("submission", oldSubmission));
        assertFalse(seeds.exists("callback", manyCallback));
        assertTrue(many.stream().noneMatch(id -> seeds.exists("status_event", id)), "every batch went");
        assertTrue(deleted.get(RetentionBatches.Kept.STATUS_EVENTS) >= many.size() + 1, deleted.toString());

        assertTrue(seeds.exists("message", message), "messages stay");
        assertTrue(
                seeds.recipientOf(message).startsWith("erased-"),
                "without their number: " + seeds.recipientOf(message));
        assertEquals("+46701234567", seeds.recipientOf(youngMessage), "a younger message keeps it");
        assertEquals("Delivered", seeds.statusOf(message), "with their final status");
        assertTrue(seeds.exists("status_event", youngEvent));
        assertTrue(seeds.exists("callback", oldCallbackOfYoungEvent), "still referred to");
        assertTrue(seeds.exists("callback", youngCallback));
        assertTrue(seeds.exists("submission", youngSubmission));
    }
}
