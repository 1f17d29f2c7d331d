package dev.smstrack.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.testing.ResourceMethods;
import dev.smstrack.testing.ResourceMethods.Endpoint;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateful;
import jakarta.ejb.Stateless;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every endpoint and bean says who may call it; only the two endpoints that prove callers themselves are open. */
class AccessDeclarationsTest {

    /** Open to the platform: Sinch proves itself by signature or Basic, the simulator by its own token. */
    private static final Set<String> OPEN = Set.of(
            "POST /api/sinch/callbacks",
            "GET /api/sinch-simulator/xms/v1/{plan}/batches",
            "POST /api/sinch-simulator/xms/v1/{plan}/batches",
            "GET /api/sinch-simulator/xms/v1/{plan}/batches/{batchId}/delivery_report/{recipient}",
            "POST /api/sinch-simulator/xms/v1/{plan}/batches/dry_run",
            "DELETE /api/sinch-simulator/xms/v1/{plan}/batches/{batchId}",
            "POST /api/sinch-simulator/xms/v1/{plan}/batches/{batchId}/delivery_feedback");

    @Test
    void everyResourceMethodDeclaresItsAccess() {
        List<Endpoint> endpoints = ResourceMethods.endpoints();
        assertTrue(endpoints.size() >= 15, "the walk finds the endpoints: " + endpoints);
        for (Endpoint endpoint : endpoints) {
            assertTrue(endpoint.declaresAccess(), endpoint + " declares neither @RolesAllowed nor @PermitAll");
        }
    }

    @Test
    void onlyTheEndpointsThatCheckTheirCallersThemselvesAreOpen() {
        Set<String> open = ResourceMethods.endpoints().stream()
                .filter(Endpoint::permitsAll)
                .map(endpoint -> endpoint.httpMethod() + " " + endpoint.path())
                .collect(Collectors.toSet());
        assertEquals(OPEN, open);
    }

    @Test
    void everyRoleNamedIsOneOfTheProducts() {
        for (Endpoint endpoint : ResourceMethods.endpoints()) {
            assertTrue(
                    Set.of(Roles.SENDER, Roles.READER, Roles.OPERATOR).containsAll(endpoint.roles()),
                    endpoint + " names " + endpoint.roles());
        }
    }

    @Test
    void everySessionBeanDeclaresItsAccess() {
        var beans = ResourceMethods.productClasses().stream()
                .filter(type -> type.isAnnotationPresent(Stateless.class)
                        || type.isAnnotationPresent(Singleton.class)
                        || type.isAnnotationPresent(Stateful.class))
                .toList();
        assertFalse(beans.isEmpty());
        for (Class<?> bean : beans) {
            assertTrue(
                    bean.isAnnotationPresent(RolesAllowed.class)
                            || bean.isAnnotationPresent(PermitAll.class)
                            || bean.isAnnotationPresent(DenyAll.class),
                    bean.getName() + " declares neither @RolesAllowed nor @PermitAll");
        }
    }
}
