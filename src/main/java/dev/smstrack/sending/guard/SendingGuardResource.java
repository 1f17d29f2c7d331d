package dev.smstrack.sending.guard;

import dev.smstrack.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The sending guard as operators see it: its settings, who has sent how much, what it refused. */
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Tag(
        name = "sending guard",
        description = "The destinations, senders, rates and quotas of sending; each user's use; the latest"
                + " refusals. Role: sms-operator.")
@Path("sending-guard")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class SendingGuardResource {

    static final int LATEST_REFUSALS = 100;

    /** The settings, each user's use in the current minute and day, and the latest refusals. */
    public record GuardView(
            List<String> allowedPrefixes,
            List<String> allowedSenders,
            Integer ratePerUserPerMinute,
            Integer dailyQuotaPerUser,
            List<SendingAllowance.Usage> users,
            List<SendingRefusals.Kept> refusals) {}

    @Inject
    GuardSettings settings;

    @Inject
    SendingAllowance allowance;

    @Inject
    SendingRefusals refusals;

    @GET
    public GuardView guard() {
        var now = settings.now();
        return new GuardView(
                now.allowedPrefixes(),
                now.allowedSenders(),
                now.ratePerMinute().isPresent() ? now.ratePerMinute().getAsInt() : null,
                now.dailyQuota().isPresent() ? now.dailyQuota().getAsInt() : null,
                allowance.current(Clock.systemUTC().instant()),
                refusals.latest(LATEST_REFUSALS));
    }
}
