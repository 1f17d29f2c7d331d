package dev.smstrack.processing;

import dev.smstrack.platform.QueryParameters;
import dev.smstrack.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** Callbacks that failed processing too often, and their replay. */
@Path("dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLettersResource {

    @Inject
    DeadLetters deadLetters;

    @GET
    @RolesAllowed({Roles.READER, Roles.OPERATOR})
    public List<DeadLetters.DeadLetter> list(@QueryParam("limit") String limit) {
        return deadLetters.list(QueryParameters.number("limit", limit, 100, 1, 1000));
    }

    @POST
    @Path("{id}/replay")
    @RolesAllowed(Roles.OPERATOR)
    public Map<String, String> replay(@PathParam("id") String id) {
        return deadLetters
                .replay(id)
                .map(replayed -> Map.of("replayed", replayed))
                .orElseThrow(() -> new NotFoundException("no dead letter with id " + id));
    }
}
