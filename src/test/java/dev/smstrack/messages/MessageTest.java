package dev.smstrack.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a message keeps of the operator and of the time it took to reach the handset. */
class MessageTest {

    private final Message message = new Message("+46701234567", "ref", "GSM", 1);

    @Test
    void takesTheTimeToDeliverFromTheOperatorsTimeWhereSinchReportsIt() {
        var sent = message.createdAt();
        message.report("Dispatched", 0, sent.plusSeconds(1), "Telia", sent.plusSeconds(1));
        message.report("Delivered", 0, sent.plusSeconds(9), "Telia", sent.plusSeconds(7));
        assertEquals(Duration.ofSeconds(7), message.deliveredAfter());
        assertEquals("Telia", message.operator());
        assertEquals(sent.plusSeconds(7), message.operatorStatusAt());
    }

    @Test
    void takesSinchsTimeWhereNoOperatorTimeIsReported() {
        message.report("DELIVERED", null, message.createdAt().plusMillis(2500));
        assertEquals(Duration.ofMillis(2500), message.deliveredAfter());
        assertNull(message.operator());
    }

    @Test
    void keepsTheTimeToDeliverWhenTheMessageIsReadAndDropsItWhenALaterReportSaysItFailed() {
        var sent = message.createdAt();
        message.report("DELIVERED", null, sent.plusSeconds(3));
        message.report("READ", null, sent.plusSeconds(60));
        assertEquals(Duration.ofSeconds(3), message.deliveredAfter());

        var failedLater = new Message("+46701234567", "other", "GSM", 1);
        failedLater.report("Delivered", 0, failedLater.createdAt().plusSeconds(3));
        failedLater.report("Failed", 402, failedLater.createdAt().plusSeconds(4));
        assertNull(failedLater.deliveredAfter());
    }

    @Test
    void keepsTheOperatorOfAnyReportWhileNoneIsKnownAndOfTheReportThatMovedTheStatusAfter() {
        var sent = message.createdAt();
        message.report("Delivered", 0, sent.plusSeconds(5), null, null);
        message.report("Dispatched", 0, sent.plusSeconds(1), "Telia", sent.plusSeconds(1));
        assertEquals("Delivered", message.status());
        assertEquals("Telia", message.operator());
        message.report("Dispatched", 0, sent.plusSeconds(2), "Tele2", sent.plusSeconds(2));
        assertEquals("Telia", message.operator());
    }

    @Test
    void aClockAheadOfOursNeverMakesTheTimeToDeliverNegative() {
        message.report("Delivered", 0, message.createdAt().minusSeconds(30));
        assertEquals(Duration.ZERO, message.deliveredAfter());
    }
}
