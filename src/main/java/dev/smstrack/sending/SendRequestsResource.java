package dev.smstrack.sending;

import dev.smstrack.security.Roles;
import dev.smstrack.sending.api.SendResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What became of a send request: its submission to Sinch (and Sinch's error) and its messages. */
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Tag(name = "send requests", description = "What became of a send request. Role: sms-reader.")
@Path("send-requests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class SendRequestsResource {

    @Inject
    Submissions submissions;

    @GET
    @Path("{requestId}")
    public SendResult one(@PathParam("requestId") String requestId) {
        return submissions.find(requestId).orElseThrow(() -> new NotFoundException("no send request " + requestId));
    }
}
