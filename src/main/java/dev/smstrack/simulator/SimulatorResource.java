package dev.smstrack.simulator;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The simulated Sinch SMS REST API, under /api/sinch-simulator: 404 unless SINCH_SIMULATOR=true.
 * Like Sinch, it admits only its bearer token, which it checks itself (it is no user of the
 * platform's realms): open to the platform, closed to anyone without the token.
 */
@Tag(
        name = "simulator",
        description = "The built-in stand-in for Sinch (SINCH_SIMULATOR=true only), authenticated by its own token.")
@Path("sinch-simulator/xms/v1/{plan}/batches")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class SimulatorResource {

    @Inject
    SimulatorSettings settings;

    @Inject
    SimulatedSinch simulated;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonObject batch, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        checkActive(authorization);
        var answer = simulated.create(batch);
        var response = Response.status(answer.status()).entity(answer.body());
        if (answer.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, answer.retryAfter());
        }
        return response.build();
    }

    @GET
    public JsonObject list(
            @QueryParam("client_reference") String clientReference,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        checkActive(authorization);
        if (clientReference != null && simulated.answersLookupOddly(clientReference)) {
            return Json.createObjectBuilder().add("page", 0).build();
        }
        var found = clientReference == null
                ? java.util.List.<JsonObject>of()
                : simulated.withClientReference(clientReference);
        var batches = Json.createArrayBuilder();
        found.forEach(batches::add);
        return Json.createObjectBuilder()
                .add("page", 0)
                .add("page_size", found.size())
                .add("count", found.size())
                .add("batches", batches)
                .build();
    }

    @POST
    @Path("dry_run")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response dryRun(JsonObject batch, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        checkActive(authorization);
        var answer = simulated.dryRun(batch);
        return Response.status(answer.status()).entity(answer.body()).build();
    }

    @DELETE
    @Path("{batchId}")
    public JsonObject cancel(
            @PathParam("batchId") String batchId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        checkActive(authorization);
        return simulated.cancel(batchId).orElseThrow(() -> new NotFoundException("no such batch"));
    }

    @POST
    @Path("{batchId}/delivery_feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response feedback(
            @PathParam("batchId") String batchId,
            JsonObject request,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        checkActive(authorization);
        var answer = simulated.feedback(batchId, request);
        return answer.status() == 202
                ? Response.accepted().build()
                : Response.status(answer.status()).entity(answer.body()).build();
    }

    @GET
    @Path("{batchId}/delivery_report/{recipient}")
    public JsonObject report(
            @PathParam("batchId") String batchId,
            @PathParam("recipient") String recipient,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        checkActive(authorization);
        return simulated
                .report(batchId, recipient)
                .orElseThrow(() -> new NotFoundException("no such batch or recipient"));
    }

    private void checkActive(String authorization) {
        if (!settings.enabled()) {
            throw new NotFoundException("the Sinch simulator is off (SINCH_SIMULATOR is not true)");
        }
        if (!settings.accepts(authorization)) {
            throw new NotAuthorizedException("the simulator's bearer token is required", "Bearer");
        }
    }
}
