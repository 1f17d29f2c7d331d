package dev.smstrack.inbound;

import dev.smstrack.platform.web.Page;
import dev.smstrack.platform.web.Paging;
import dev.smstrack.platform.web.QueryParameters;
import dev.smstrack.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Inbound messages, newest first, optionally by sender ({@code from}) and recipient ({@code to}). */
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Tag(name = "inbound messages", description = "SMS received from handsets. Role: sms-reader.")
@Path("inbound-messages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class InboundMessagesResource {

    @Inject
    InboundMessages messages;

    @GET
    public Page<InboundMessageView> find(
            @QueryParam("from") String from, @QueryParam("to") String to, @BeanParam Paging paging) {
        var found = messages.find(
                QueryParameters.optionalNumber(from), QueryParameters.optionalNumber(to), paging.page(), paging.size());
        return paging.of(found.items().stream().map(InboundMessage::view).toList(), found.total());
    }
}
