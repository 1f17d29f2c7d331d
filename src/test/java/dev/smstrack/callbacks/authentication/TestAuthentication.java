package dev.smstrack.callbacks.authentication;

import java.util.Optional;

/** Builds a configured {@link CallbackAuthentication} outside the container, for tests. */
public final class TestAuthentication {

    private TestAuthentication() {}

    public static CallbackAuthentication withBasicOnly() {
        var authentication = new CallbackAuthentication();
        authentication.secrets = Optional.empty();
        authentication.toleranceSeconds = 600;
        authentication.basicUser = Optional.of("sinch");
        authentication.basicPassword = Optional.of("password");
        authentication.disabled = false;
        authentication.configure();
        return authentication;
    }
}
