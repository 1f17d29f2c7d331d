package dev.smstrack.live;

import dev.smstrack.messages.Message;
import java.time.Instant;

/**
 * What a dashboard needs to redraw a message's row: no recipient and no body, so that the stream
 * carries no personal data. {@code created} marks a message that was not there before.
 */
public record MessageChange(
        String id,
        String status,
        Integer code,
        Instant statusAt,
        String operator,
        Long deliveredAfterMs,
        boolean created) {

    static MessageChange of(Message message, boolean created) {
        return new MessageChange(
                message.id(),
                message.status(),
                message.code(),
                message.statusAt(),
                message.operator(),
                message.deliveredAfterMs(),
                created);
    }
}
