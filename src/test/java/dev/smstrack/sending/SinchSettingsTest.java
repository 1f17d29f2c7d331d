package dev.smstrack.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.smstrack.simulator.TestSimulatorSettings;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where sends go for each configuration: the simulator only when asked for, never by default. */
class SinchSettingsTest {

    @ParameterizedTest(name = "simulator {0}, plan {1}, token {2}, project key {3}: {4}")
    @CsvSource({
        "false, no,  no,  no,  NOT_CONFIGURED",
        "false, yes, no,  no,  NOT_CONFIGURED",
        "false, no,  yes, no,  NOT_CONFIGURED",
        "false, yes, yes, no,  SERVICE_PLAN",
        "false, no,  no,  yes, PROJECT_KEY",
        "false, yes, yes, yes, PROJECT_KEY",
        "true,  no,  no,  no,  SIMULATOR",
        "true,  yes, yes, yes, SIMULATOR"
    })
    void decidesTheMode(boolean simulator, String plan, String token, String projectKey, SinchMode mode) {
        var settings = new SinchSettings();
        settings.simulator = TestSimulatorSettings.enabled(simulator);
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
