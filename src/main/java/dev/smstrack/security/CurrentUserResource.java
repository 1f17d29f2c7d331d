package dev.smstrack.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who is calling and which of the product's roles they hold: what the dashboard may show them. */
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Tag(name = "me", description = "The caller's name and roles. Any of the product's roles.")
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SENDER, Roles.READER, Roles.OPERATOR})
public class CurrentUserResource {

    public record CurrentUser(String name, List<String> roles) {}

    @GET
    public CurrentUser me(@Context SecurityContext caller) {
        return new CurrentUser(
                caller.getUserPrincipal().getName(),
                Stream.of(Roles.SENDER, Roles.READER, Roles.OPERATOR)
                        .filter(caller::isUserInRole)
                        .toList());
    }
}
