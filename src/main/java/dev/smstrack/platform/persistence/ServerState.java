package dev.smstrack.platform.persistence;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Whether the server is running or suspending (before a shutdown, a reload, or on an operator's
 * :suspend), read from the management model WildFly exposes over JMX.
 */
final class ServerState {

    private static final ObjectName SERVER = name("jboss.as:management-root=server");

    private ServerState() {}

    /** True unless the server is suspending or suspended; true as well where it cannot be told. */
    static boolean isRunning() {
        try {
            return "RUNNING".equals(suspendState());
        } catch (JMException | RuntimeException unknown) {
            return true;
        }
    }

    /**
     * The model's suspend state (RUNNING, PRE_SUSPEND, SUSPENDING, SUSPENDED). Read on threads with
     * no login: under role-based access control the model answers them only because
     * sms-tracker.cli maps the anonymous in-VM caller to the Monitor role (ServerStateIT).
     */
    static String suspendState() throws JMException {
        return String.valueOf(ManagementFactory.getPlatformMBeanServer().getAttribute(SERVER, "suspendState"));
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }
}
