package dev.smstrack.processing;

import dev.smstrack.platform.web.Page;
import dev.smstrack.platform.web.Paging;
import dev.smstrack.platform.web.QueryParameters;
import dev.smstrack.security.Roles;
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
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Every callback kept, with its raw payload: what was applied, what was kept unapplied (types we do
 * not handle) and what was rejected as unreadable.
 */
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Tag(name = "received callbacks", description = "Every callback as Sinch sent it. Role: sms-reader.")
@Path("received-callbacks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class ReceivedCallbacksResource {

    @Inject
    ReceivedCallbacks callbacks;

    @GET
    @Path("{id}")
    public ReceivedCallbackView one(@PathParam("id") String id) {
        return callbacks
                .find(id)
                .map(ReceivedCallbackView::of)
                .orElseThrow(() -> new NotFoundException("no callback with id " + id));
    }

    @GET
    public Page<ReceivedCallbackView> find(
            @QueryParam("outcome") String outcome,
            @Parameter(description = "the callback's type; only with outcome=KEPT or outcome=REJECTED")
                    @QueryParam("type")
                    String type,
            @BeanParam Paging paging) {
        ReceivedCallback.Outcome wanted = outcome(outcome);
        String ofType = QueryParameters.optional(type);
        // Applied callbacks are nearly all of them: by type, they would be read row by row. They are
        // listed by what they did, in status-events and inbound-messages; the few left unapplied are
        // found by type within their outcome's index.
        if (ofType != null && (wanted == null || wanted == ReceivedCallback.Outcome.APPLIED)) {
            throw new BadRequestException("query parameter type needs outcome=KEPT or outcome=REJECTED: applied"
                    + " callbacks are found through /api/status-events and /api/inbound-messages");
        }
        var found = callbacks.find(wanted, ofType, paging.page(), paging.size());
        return paging.of(found.items().stream().map(ReceivedCallbackView::of).toList(), found.total());
    }

    private static ReceivedCallback.Outcome outcome(String value) {
        if (QueryParameters.optional(value) == null) {
            return null;
        }
        try {
            return ReceivedCallback.Outcome.valueOf(value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(
                    "query parameter outcome must be one of " + Arrays.toString(ReceivedCallback.Outcome.values()));
        }
    }
}
