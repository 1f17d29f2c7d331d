package dev.smstrack.sending;

import dev.smstrack.security.Roles;
import dev.smstrack.sending.api.SendResult;
import dev.smstrack.sending.api.SmsSendingLocal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What became of a send request: its submission to Sinch (and Sinch's error) and its messages. */
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Tag(
        name = "send requests",
        description =
                "What became of a send request. Role: sms-reader to read; sms-sender (its own) or sms-operator to cancel.")
@Path("send-requests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class SendRequestsResource {

    @Inject
    Submissions submissions;

    @Inject
    SmsSendingLocal sender;

    @GET
    @Path("{requestId}")
    public SendResult one(@PathParam("requestId") String requestId) {
        return submissions.find(requestId).orElseThrow(() -> new NotFoundException("no send request " + requestId));
    }

    /**
     * Cancels a request Sinch has not sent yet (scheduled with sendAt, or not yet submitted): its
     * messages end CANCELLED. 409 once it was sent. A sender cancels its own requests, an operator any.
     */
    @DELETE
    @Path("{requestId}")
    @APIResponse(responseCode = "200", description = "Cancelled: the request and its messages, CANCELLED")
    @APIResponse(responseCode = "404", description = "No such request (of the caller's, for a sender)")
    @APIResponse(responseCode = "409", description = "Sent already, or being submitted: the detail says which")
    @APIResponse(responseCode = "503", description = "Sinch cannot be reached now: try again")
    @RolesAllowed({Roles.SENDER, Roles.OPERATOR})
    public SendResult cancel(@PathParam("requestId") String requestId) {
        return sender.cancel(requestId);
    }
}
