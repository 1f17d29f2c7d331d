package dev.smstrack.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The product reads from WildFly's management model whether the server is suspending, on threads
 * with no login, under the role-based access control that sms-tracker.cli switches on: a read that
 * RBAC refused would look like "running" and go unnoticed, so it is read here raw.
 */
@ExtendWith(ArquillianExtension.class)
class ServerStateIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.productWarWith(ServerStateIT.class);
    }

    @Test
    void readsTheSuspendStateWithNoLogin() throws Exception {
        assertEquals("RUNNING", ServerState.suspendState(), "on the test's own thread");
        String[] read = new String[1];
        Thread unnamed = new Thread(() -> {
            try {
                read[0] = ServerState.suspendState();
            } catch (Exception e) {
                read[0] = e.toString();
            }
        });
        unnamed.start();
        unnamed.join();
        assertEquals("RUNNING", read[0], "on a thread of its own");
        assertTrue(ServerState.isRunning());
    }
}
