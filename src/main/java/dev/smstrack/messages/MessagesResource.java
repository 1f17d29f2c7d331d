package dev.smstrack.messages;

import dev.smstrack.platform.web.Page;
import dev.smstrack.platform.web.Paging;
import dev.smstrack.platform.web.QueryParameters;
import dev.smstrack.security.Roles;
import dev.smstrack.statusevents.StatusEventView;
import dev.smstrack.statusevents.StatusEvents;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Messages and, for one message, its whole status history. */
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Tag(name = "messages", description = "Each SMS and its current status. Role: sms-reader.")
@Path("messages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class MessagesResource {

    @Inject
    Messages messages;

    @Inject
    StatusEvents events;

    @GET
    @Path("{id}")
    public MessageView one(@PathParam("id") String id) {
        Message message = messages.find(id).orElseThrow(() -> new NotFoundException("no message with id " + id));
        var history = events.ofMessage(id).stream().map(StatusEventView::of).toList();
        return MessageView.of(message, history);
    }

    @GET
    public Page<MessageView> find(
            @QueryParam("batchId") String batchId,
            @QueryParam("recipient") String recipient,
            @QueryParam("clientReference") String clientReference,
            @QueryParam("status") String status,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("final") String isFinal,
            @BeanParam Paging paging) {
        var filter = new MessageFilter(
                QueryParameters.optional(batchId),
                QueryParameters.optionalNumber(recipient),
                QueryParameters.optional(clientReference),
                spellingsOf(QueryParameters.optional(status)),
                QueryParameters.optionalInstant("from", from),
                QueryParameters.optionalInstant("to", to),
                QueryParameters.optionalBoolean("final", isFinal));
        var found = messages.find(filter, paging.page(), paging.size());
        return paging.of(
                found.items().stream()
                        .map(message -> MessageView.of(message, null))
                        .toList(),
                found.total());
    }

    /** The ways Sinch and the product spell a known status; null for any status. */
    private static List<String> spellingsOf(String status) {
        if (status == null) {
            return null;
        }
        return StatusLifecycle.spellingsOf(status)
                .orElseThrow(() -> new BadRequestException(
                        "query parameter status must be one of " + StatusLifecycle.KNOWN + " (any case)"));
    }
}
