package dev.smstrack.sending;

import dev.smstrack.security.Roles;
import dev.smstrack.sending.api.InvalidSendRequestException;
import dev.smstrack.sending.api.SendRequest;
import dev.smstrack.sending.api.SendResult;
import dev.smstrack.sending.api.SmsSendingLocal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sending for operators and systems that are not Java: 202 with the messages created. */
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Tag(name = "sending", description = "Sends SMS through Sinch, idempotent with an Idempotency-Key. Role: sms-sender.")
@Path("messages")
@RolesAllowed(Roles.SENDER)
public class SendResource {

    @Inject
    SmsSendingLocal sender;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response send(
            byte[] body,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Parameter(
                            description = "true: answer 200 with what Sinch's dry run counts (encoding and parts for"
                                    + " each recipient); nothing is stored or sent")
                    @QueryParam("dryRun")
                    boolean dryRun)
            throws InvalidSendRequestException {
        SendRequest request = SendRequestJson.read(body);
        if (dryRun) {
            return Response.ok(sender.dryRun(request)).build();
        }
        SendRequest keyed = request;
        if (idempotencyKey != null) {
            if (request.clientReference() != null && !request.clientReference().equals(idempotencyKey)) {
                throw new BadRequestException("Idempotency-Key and clientReference differ; give one of them");
            }
            keyed = request.withClientReference(idempotencyKey);
        }
        SendResult result = sender.send(keyed);
        return Response.accepted(result).build();
    }

    /** Tells Sinch this message reached its recipient: only for messages sent with feedbackEnabled. */
    @POST
    @Path("{messageId}/feedback")
    @Produces(MediaType.APPLICATION_JSON)
    public Response feedback(@PathParam("messageId") String messageId) {
        Instant at = sender.deliveryFeedback(messageId);
        return Response.accepted(Map.of("messageId", messageId, "feedbackAt", at.toString()))
                .build();
    }
}
