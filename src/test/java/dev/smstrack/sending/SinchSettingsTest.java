package dev.smstrack.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.smstrack.simulator.TestSimulatorSettings;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where sends go for each configuration: the simulator only when asked for, never by default, and
 * never on a cluster node, where asking for it sends nothing at all, not even with Sinch's credentials.
 */
class SinchSettingsTest {

    @ParameterizedTest(name = "simulator {0}, clustered {1}, plan {2}, token {3}, project key {4}: {5}")
    @CsvSource({
        "false, false, no,  no,  no,  NOT_CONFIGURED",
        "false, false, yes, no,  no,  NOT_CONFIGURED",
        "false, false, no,  yes, no,  NOT_CONFIGURED",
        "false, false, yes, yes, no,  SERVICE_PLAN",
        "false, false, no,  no,  yes, PROJECT_KEY",
        "false, false, yes, yes, yes, PROJECT_KEY",
        "true,  false, no,  no,  no,  SIMULATOR",
        "true,  false, yes, yes, yes, SIMULATOR",
        "true,  true,  no,  no,  no,  NOT_CONFIGURED",
        "true,  true,  yes, yes, no,  NOT_CONFIGURED",
        "false, true,  no,  no,  yes, PROJECT_KEY"
    })
    void decidesTheMode(
            boolean simulator, boolean clustered, String plan, String token, String projectKey, SinchMode mode) {
        var settings = new SinchSettings();
        settings.simulator = TestSimulatorSettings.enabled(simulator, clustered);
        settings.servicePlanId = given(plan, "plan");
        settings.apiToken = given(token, "token");
        settings.projectId = given(projectKey, "project");
        settings.keyId = given(projectKey, "key");
        settings.keySecret = given(projectKey, "secret");
        settings.decideMode();

        assertEquals(mode, settings.mode());
        assertEquals(mode != SinchMode.NOT_CONFIGURED, settings.canSend());
    }

    private static Optional<String> given(String yes, String value) {
        return "yes".equals(yes) ? Optional.of(value) : Optional.empty();
    }
}
