package dev.smstrack.processing;

import dev.smstrack.platform.web.QueryParameters;
import dev.smstrack.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
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
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Callbacks that failed processing too often, and their replay. */
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Tag(
        name = "dead letters",
        description =
                "Callbacks that failed every attempt: sms-reader or sms-operator to list, sms-operator to replay.")
@Path("dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLettersResource {

    /** The names Sinch gives its callback types: nothing a selector could be broken out of. */
    private static final Pattern TYPE = Pattern.compile("[a-z_]{1,64}");

    @Inject
    DeadLetters deadLetters;

    @GET
    @RolesAllowed({Roles.READER, Roles.OPERATOR})
    public List<DeadLetters.DeadLetter> list(@QueryParam("limit") String limit) {
        return deadLetters.list(QueryParameters.number("limit", limit, 100, 1, 1000));
    }

    /** Retries every dead letter, or those of one callback type, in one call; answers how many. */
    @POST
    @Path("retry")
    @RolesAllowed(Roles.OPERATOR)
    public Map<String, Integer> retry(@QueryParam("type") String type) {
        String wanted = QueryParameters.optional(type);
        if (wanted != null && !TYPE.matcher(wanted).matches()) {
            throw new BadRequestException("query parameter type must be a callback type such as mo_text");
        }
        return Map.of("retried", deadLetters.retryAll(wanted));
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
