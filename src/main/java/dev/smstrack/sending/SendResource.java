package dev.smstrack.sending;

import dev.smstrack.platform.Texts;
import dev.smstrack.security.Roles;
import dev.smstrack.sending.api.DryRunResult;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sending for operators and systems that are not Java: 202 with the messages created. */
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Tag(
        name = "sending",
        description = "Sends SMS through Sinch (at once or scheduled), idempotent with an Idempotency-Key; dry runs;"
                + " delivery feedback. Role: sms-sender.")
@Path("messages")
@RolesAllowed(Roles.SENDER)
public class SendResource {

    @Inject
    SmsSendingLocal sender;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(schema = @Schema(implementation = SendRequestFields.class)))
    @APIResponse(
            responseCode = "202",
            description = "Stored and queued for Sinch: the request and its messages",
            content = @Content(schema = @Schema(implementation = SendResult.class)))
    @APIResponse(
            responseCode = "200",
            description = "With dryRun=true: what Sinch's dry run counts; nothing stored or sent",
            content = @Content(schema = @Schema(implementation = DryRunResult.class)))
    @APIResponse(responseCode = "400", description = "A field is wrong: the problem names it (field)")
    @APIResponse(responseCode = "409", description = "The key was used for another request")
    @APIResponse(responseCode = "429", description = "The caller's rate or daily quota is spent: Retry-After says when")
    @APIResponse(responseCode = "503", description = "Sinch is not configured, or cannot be reached for a dry run")
    public Response send(
            byte[] body,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Parameter(
                            description = "true: answer 200 with what Sinch's dry run counts (encoding and parts for"
                                    + " each recipient); nothing is stored or sent")
                    @QueryParam("dryRun")
                    String dryRun)
            throws InvalidSendRequestException {
        SendRequest request = SendRequestJson.read(body);
        if (isTrue(dryRun)) {
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

    /** Only true or false: anything else could be meant as true, and send for real. */
    private static boolean isTrue(String dryRun) throws InvalidSendRequestException {
        if (dryRun == null || dryRun.equals("false")) {
            return false;
        }
        if (dryRun.equals("true")) {
            return true;
        }
        throw new InvalidSendRequestException("dryRun", "must be true or false, not " + Texts.cut(dryRun, 20));
    }

    /** Tells Sinch this message reached its recipient: only for messages sent with feedbackEnabled. */
    @POST
    @Path("{messageId}/feedback")
    @APIResponse(responseCode = "202", description = "Sinch took the feedback: messageId and feedbackAt")
    @APIResponse(responseCode = "404", description = "No such message of the caller's")
    @APIResponse(responseCode = "409", description = "Sent without feedbackEnabled, or not submitted yet")
    @APIResponse(responseCode = "503", description = "Sinch cannot be reached now: try again")
    @Produces(MediaType.APPLICATION_JSON)
    public Response feedback(@PathParam("messageId") String messageId) {
        Instant at = sender.deliveryFeedback(messageId);
        return Response.accepted(Map.of("messageId", messageId, "feedbackAt", at.toString()))
                .build();
    }
}
