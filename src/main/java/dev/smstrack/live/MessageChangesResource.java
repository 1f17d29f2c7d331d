package dev.smstrack.live;

import dev.smstrack.platform.web.Problem;
import dev.smstrack.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The messages' changes as they commit, on any node: an event stream that stays open. */
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Tag(name = "messages", description = "Each SMS and its current status. Role: sms-reader.")
@Path("message-changes")
@RolesAllowed(Roles.READER)
public class MessageChangesResource {

    static final String RETRY_AFTER_SECONDS = "30";

    @Inject
    Watchers watchers;

    @Inject
    Heartbeat heartbeat;

    /**
     * Server-Sent Events named {@code changes}, each a JSON list of the messages one transaction
     * changed: id, status, code, statusAt, operator, deliveredAfterMs, created. No recipient, no body.
     */
    @Inject
    @ConfigProperty(name = "live.streams.per.user", defaultValue = "20")
    int mostPerUser;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @APIResponse(responseCode = "200", description = "The stream, open until the client leaves")
    @APIResponse(
            responseCode = "429",
            description = "This user has LIVE_STREAMS_PER_USER streams open on this node already",
            headers = @Header(name = "Retry-After", description = "seconds"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void watch(@Context SseEventSink sink, @Context Sse sse, @Context SecurityContext caller) {
        if (!watchers.add(sink, sse, caller.getUserPrincipal().getName(), mostPerUser)) {
            throw new WebApplicationException(Problem.answer(
                            Response.Status.TOO_MANY_REQUESTS,
                            "too-many-streams",
                            "too many live streams",
                            "this user has " + mostPerUser + " live streams open already (LIVE_STREAMS_PER_USER);"
                                    + " close one")
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .build());
        }
        heartbeat.dashboardOpened();
    }
}
