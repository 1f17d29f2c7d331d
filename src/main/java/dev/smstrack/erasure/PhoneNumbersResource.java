package dev.smstrack.erasure;

import dev.smstrack.platform.PhoneNumbers;
import dev.smstrack.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code DELETE /api/phone-numbers/+46701234567}: erases the number (GDPR); answers what it touched. */
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Tag(name = "erasure", description = "Erases every trace of a phone number. Role: sms-operator.")
@Path("phone-numbers")
@RolesAllowed(Roles.OPERATOR)
public class PhoneNumbersResource {

    @Inject
    PhoneNumberErasure erasure;

    @DELETE
    @Path("{number}")
    @Produces(MediaType.APPLICATION_JSON)
    public Erased erase(@PathParam("number") String number) {
        String e164 = PhoneNumbers.e164(number);
        if (!PhoneNumbers.isE164(e164)) {
            throw new BadRequestException("not a phone number in E.164, such as +46701234567");
        }
        return erasure.erase(e164);
    }
}
