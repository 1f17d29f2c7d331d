package dev.smstrack.simulator;

import java.util.Optional;

/** Builds {@link SimulatorSettings} outside the container, for tests. */
public final class TestSimulatorSettings {

    private TestSimulatorSettings() {}

    public static SimulatorSettings enabled(boolean enabled) {
        return enabled(enabled, false);
    }

    /** As SINCH_SIMULATOR says, on a cluster node or a single server. */
    public static SimulatorSettings enabled(boolean enabled, boolean clustered) {
        var settings = new SimulatorSettings();
        settings.enabled = enabled;
        settings.clustered = clustered;
        settings.configuredToken = Optional.empty();
        settings.chooseToken();
        return settings;
    }
}
