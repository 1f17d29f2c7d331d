package dev.smstrack.callbacks.authentication;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides whether a callback really comes from Sinch: by its HMAC signature, by the HTTP Basic
 * credentials Sinch was provisioned with, or both when both are configured. With neither, every
 * callback is refused unless authentication was switched off explicitly, which is logged at every
 * start. The secrets and credentials never leave this class.
 */
@ApplicationScoped
public class CallbackAuthentication {

    private static final Logger LOG = Logger.getLogger(CallbackAuthentication.class.getName());

    @Inject
    @ConfigProperty(name = "sinch.webhook.secrets")
    Optional<String> secrets;

    /** Sinch retries for up to 22 h 45 min; a retry may carry its first timestamp. */
    @Inject
    @ConfigProperty(name = "sinch.webhook.tolerance.seconds", defaultValue = "86400")
    long toleranceSeconds;

    @Inject
    @ConfigProperty(name = "sinch.callback.basic.user")
    Optional<String> basicUser;

    @Inject
    @ConfigProperty(name = "sinch.callback.basic.password")
    Optional<String> basicPassword;

    @Inject
    @ConfigProperty(name = "sinch.callback.authentication.disabled", defaultValue = "false")
    boolean disabled;

    private WebhookSignature signature;
    private byte[] basicCredentials;

    @PostConstruct
    void configure() {
        signature = new WebhookSignature(
                Arrays.asList(secrets.orElse("").split(",")), Duration.ofSeconds(toleranceSeconds), Clock.systemUTC());
        if (basicUser.isPresent() && basicPassword.isPresent()) {
            basicCredentials = (basicUser.get() + ":" + basicPassword.get()).getBytes(StandardCharsets.UTF_8);
        }
    }

    void announceAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (disabled && !signature.hasSecrets() && basicCredentials == null) {
            LOG.warning("Callback authentication is DISABLED (SINCH_CALLBACK_AUTHENTICATION_DISABLED=true): "
                    + "anyone who can reach /api/sinch/callbacks can write delivery reports");
        } else if (!signature.hasSecrets() && basicCredentials == null) {
            LOG.warning("No callback authentication is configured: every callback will be refused with 401. "
                    + "Set SINCH_WEBHOOK_SECRETS and/or SINCH_CALLBACK_BASIC_USER and SINCH_CALLBACK_BASIC_PASSWORD.");
        }
    }

    /**
     * Empty when the request is authentic; otherwise the reason, for the server log only. The two
     * steps a filter takes in turn, before the body and then with it.
     */
    public Optional<Rejection> rejectionOf(SignedRequest request, String authorization) {
        return rejectionBeforeBody(request, authorization).or(() -> rejectionOfBody(request));
    }

    /** The checks that need no body: configuration, credentials and signature headers. Empty if they pass. */
    public Optional<Rejection> rejectionBeforeBody(SignedRequest headers, String authorization) {
        boolean signing = signature.hasSecrets();
        if (!signing && basicCredentials == null) {
            return disabled
                    ? Optional.empty()
                    : Rejection.of(Rejection.NOT_CONFIGURED, "callback authentication is not configured");
        }
        if (basicCredentials != null && !basicMatches(authorization)) {
            return Rejection.of(Rejection.BASIC_CREDENTIALS, "HTTP Basic credentials missing or wrong");
        }
        return signing ? signature.headerRejection(headers) : Optional.empty();
    }

    /** What the body adds once {@link #rejectionBeforeBody} passed: the signature over it, if signing is on. */
    public Optional<Rejection> rejectionOfBody(SignedRequest request) {
        return signature.hasSecrets() ? signature.signatureRejection(request) : Optional.empty();
    }

    /** True when the nonce was verified by the signature and can identify a replay. */
    public boolean verifiesSignatures() {
        return signature.hasSecrets();
    }

    private boolean basicMatches(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(authorization.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(presented, basicCredentials);
    }
}
