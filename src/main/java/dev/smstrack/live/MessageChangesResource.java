package dev.smstrack.live;

import dev.smstrack.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The messages' changes as they commit, on any node: an event stream that stays open. */
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Tag(name = "messages", description = "Each SMS and its current status. Role: sms-reader.")
@Path("message-changes")
@RolesAllowed(Roles.READER)
public class MessageChangesResource {

    @Inject
    Watchers watchers;

    @Inject
    Heartbeat heartbeat;

    /**
     * Server-Sent Events named {@code changes}, each a JSON list of the messages one transaction
     * changed: id, status, code, statusAt, operator, deliveredAfterMs, created. No recipient, no body.
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void watch(@Context SseEventSink sink, @Context Sse sse) {
        watchers.add(sink, sse);
        heartbeat.dashboardOpened();
    }
}
