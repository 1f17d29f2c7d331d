package dev.smstrack.sending.api;

import java.io.Serializable;
import java.util.List;

/**
 * What a request would cost, as Sinch's dry run counts it: nothing was stored or sent.
 *
 * @param recipients how many recipients it has
 * @param messages how many message parts it would send, all recipients together
 * @param perRecipient each recipient's text (after its parameters), encoding and parts
 */
public record DryRunResult(int recipients, int messages, List<Recipient> perRecipient) implements Serializable {

    /**
     * @param recipient in E.164
     * @param body the text this recipient would get
     * @param encoding {@code GSM} (GSM-7) or {@code UNICODE} (UCS-2)
     * @param parts how many parts Sinch would send
     */
    public record Recipient(String recipient, String body, String encoding, int parts) implements Serializable {}
}
