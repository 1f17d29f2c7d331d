package dev.smstrack.erasure;

import dev.smstrack.platform.PhoneNumbers;
import dev.smstrack.platform.web.Problem;
import dev.smstrack.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/erasures} with {@code {"phoneNumber": "+46701234567"}}: erases the number (GDPR)
 * and answers what it changed. The number travels in the body, never in a URL (which access logs
 * and proxies keep).
 */
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Tag(name = "erasure", description = "Erases every trace of a phone number. Role: sms-operator.")
@Path("erasures")
@RolesAllowed(Roles.OPERATOR)
public class ErasuresResource {

    /** Fewer digits would match too much to be one person's number. */
    static final int FEWEST_DIGITS = 8;

    @Inject
    PhoneNumberErasure erasure;

    /** What to erase. */
    public record ErasureRequest(@Schema(example = "+46701234567") String phoneNumber) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Erase a phone number",
            description = "Every stored trace of the number is erased or replaced by a keyed pseudonym, and what"
                    + " arrives about it later is stored with the pseudonym. Whole E.164 numbers only, 8 to 15"
                    + " digits; matched as numbers, never as part of another number or id.")
    @APIResponse(responseCode = "200", description = "What the erasure changed, with its audit id")
    @APIResponse(
            responseCode = "400",
            description = "No phoneNumber, or not a whole E.164 number of 8 to 15 digits",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Erased erase(ErasureRequest request) {
        String given = request == null ? null : request.phoneNumber();
        if (given == null || given.isBlank()) {
            throw new BadRequestException(
                    "phoneNumber is required: the number to erase, in E.164, such as +46701234567");
        }
        String e164 = PhoneNumbers.e164(given);
        if (!PhoneNumbers.isE164(e164) || e164.length() - 1 < FEWEST_DIGITS) {
            throw new BadRequestException("phoneNumber must be a whole number in E.164 of " + FEWEST_DIGITS
                    + " to 15 digits, such as +46701234567: a shorter one would match other people's numbers");
        }
        return erasure.erase(e164);
    }
}
