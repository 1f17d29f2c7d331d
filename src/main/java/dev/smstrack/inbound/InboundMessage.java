package dev.smstrack.inbound;

import dev.smstrack.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message someone sent to one of our numbers or channels. */
@Entity
@Table(name = "inbound_message")
public class InboundMessage {

    @Id
    private String id;

    @Column(name = "callback_id", nullable = false)
    private String callbackId;

    @Column(name = "sinch_id", nullable = false)
    private String sinchId;

    @Column(nullable = false)
    private String type;

    @Column(nullable = false)
    private String sender;

    private String recipient;

    @Lob
    private String body;

    @Column(name = "client_reference")
    private String clientReference;

    @Column(name = "sent_at_ms")
    private Instant sentAt;

    @Column(name = "received_at_ms", nullable = false)
    private Instant receivedAt;

    protected InboundMessage() {}

    public InboundMessage(String callbackId, Received received) {
        this.id = Ids.newId();
        this.callbackId = callbackId;
        this.sinchId = received.sinchId();
        this.type = received.type();
        this.sender = received.sender();
        this.recipient = received.recipient();
        this.body = received.body();
        this.clientReference = received.clientReference();
        this.sentAt = received.sentAt();
        this.receivedAt = received.receivedAt();
    }

    /** What an inbound callback says, whichever API carried it. */
    public record Received(
            String sinchId,
            String type,
            String sender,
            String recipient,
            String body,
            String clientReference,
            Instant sentAt,
            Instant receivedAt) {}

    public InboundMessageView view() {
        return new InboundMessageView(
                id, sinchId, type, sender, recipient, body, clientReference, sentAt, receivedAt, callbackId);
    }
}
