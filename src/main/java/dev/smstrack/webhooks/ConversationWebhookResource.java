package dev.smstrack.webhooks;

import dev.smstrack.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code PUT /api/conversation-webhook}: makes this server the Conversation app's webhook. */
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Tag(name = "webhooks", description = "This server's callback URL at Sinch. Role: sms-operator.")
@Path("conversation-webhook")
@RolesAllowed(Roles.OPERATOR)
public class ConversationWebhookResource {

    @Inject
    ConversationWebhooks webhooks;

    @PUT
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Registers SINCH_CALLBACK_URL, signed with the first of SINCH_WEBHOOK_SECRETS, as the webhook of"
                    + " app SINCH_CONVERSATION_APP_ID for delivery reports and inbound messages; idempotent."
                    + " 409: a setting is missing (named); 502: Sinch refused (its message); 503: Sinch did not answer")
    public RegisteredWebhook register() {
        return webhooks.register();
    }
}
