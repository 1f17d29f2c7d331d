package dev.smstrack.sending;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON body of {@code POST /api/messages}, as the OpenAPI document describes it; {@link
 * SendRequestJson} reads it, strictly.
 */
@Schema(name = "SendRequest", description = "An SMS to send, one message per recipient")
record SendRequestFields(
        @Schema(required = true, description = "Recipients in E.164, 1 to 1000", example = "[\"+46701234567\"]")
                List<String> to,
        @Schema(required = true, description = "The text, at most 2000 characters; ${name} for a parameter")
                String body,
        @Schema(description = "The sender; SINCH_FROM when absent; only SENDING_ALLOWED_SENDERS where set") String from,
        @Schema(description = "Your idempotency key, at most 128 characters (or the Idempotency-Key header)")
                String clientReference,
        @Schema(
                        description = "Sinch's delivery report kind; SINCH_DELIVERY_REPORT when absent",
                        enumeration = {"none", "summary", "full", "per_recipient", "per_recipient_final"})
                String deliveryReport,
        @Schema(description = "When Sinch is to send it (it holds it till then, and it can be cancelled)")
                Instant sendAt,
        @Schema(description = "When Sinch stops trying: after sendAt (or now), at most 3 days after it")
                Instant expireAt,
        @Schema(
                        description =
                                "Values for ${name} placeholders: per name, by recipient, and a \"default\" for the"
                                        + " others; every recipient needs a value or the default",
                        example = "{\"name\": {\"+46701234567\": \"Anna\", \"default\": \"there\"}}")
                Map<String, Map<String, String>> parameters,
        @Schema(description = "Shown on the handset's screen and not kept in its inbox") Boolean flash,
        @Schema(description = "Sent only if each recipient's text fits in this many parts", minimum = "1")
                Integer maxParts,
        @Schema(description = "You will report conversions: POST /api/messages/{messageId}/feedback")
                Boolean feedbackEnabled) {}
