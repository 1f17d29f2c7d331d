package dev.smstrack.simulator;

import java.util.Optional;

/** Builds {@link SimulatorSettings} outside the container, for tests. */
public final class TestSimulatorSettings {

    private TestSimulatorSettings() {}

    public static SimulatorSettings enabled(boolean enabled) {
        var settings = new SimulatorSettings();
        settings.enabled = enabled;
        settings.configuredToken = Optional.empty();
        settings.chooseToken();
        return settings;
    }
}
