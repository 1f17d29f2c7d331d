package dev.smstrack.testing;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Every class the product compiled, and every JAX-RS resource method among them, found by walking target/classes. */
public final class ResourceMethods {

    private ResourceMethods() {}

    /** A resource method: its HTTP method, its path under the context root, and the access it declares. */
    public record Endpoint(String httpMethod, String path, Method method) {

        /** The roles of @RolesAllowed on the method, else on its class; empty for @PermitAll or none. */
        public Set<String> roles() {
            return declaration(RolesAllowed.class)
                    .map(allowed -> Set.of(allowed.value()))
                    .orElse(Set.of());
        }

        public boolean permitsAll() {
            return declaration(PermitAll.class).isPresent();
        }

        public boolean declaresAccess() {
            return declaration(RolesAllowed.class).isPresent()
                    || declaration(PermitAll.class).isPresent()
                    || declaration(DenyAll.class).isPresent();
        }

        private <A extends Annotation> Optional<A> declaration(Class<A> type) {
            if (hasAnyAccessAnnotation(method)) {
                return Optional.ofNullable(method.getAnnotation(type));
            }
            return Optional.ofNullable(method.getDeclaringClass().getAnnotation(type));
        }

        @Override
        public String toString() {
            return httpMethod + " " + path + " (" + method.getDeclaringClass().getSimpleName() + "." + method.getName()
                    + ")";
        }
    }

    public static List<Class<?>> productClasses() {
        var root = java.nio.file.Path.of("target/classes");
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            return files.map(root::relativize)
                    .map(java.nio.file.Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name ->
                            name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .map(ResourceMethods::load)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Endpoint> endpoints() {
        String root = productClasses().stream()
                .map(type -> type.getAnnotation(ApplicationPath.class))
                .filter(path -> path != null)
                .findFirst()
                .orElseThrow()
                .value();
        return productClasses().stream()
                .filter(type -> type.isAnnotationPresent(Path.class))
                .flatMap(type -> Arrays.stream(type.getMethods()).flatMap(method -> endpoint(root, type, method)))
                .sorted(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::httpMethod))
                .toList();
    }

    private static Stream<Endpoint> endpoint(String root, Class<?> type, Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(annotation -> annotation.annotationType().getAnnotation(HttpMethod.class))
                .filter(httpMethod -> httpMethod != null)
                .map(httpMethod -> new Endpoint(
                        httpMethod.value(),
                        join(root, type.getAnnotation(Path.class).value(), method.getAnnotation(Path.class)),
                        method));
    }

    private static String join(String root, String typePath, Path methodPath) {
        String path = "/" + strip(root) + "/" + strip(typePath);
        return methodPath == null ? path : path + "/" + strip(methodPath.value());
    }

    private static String strip(String segment) {
        return segment.replaceAll("^/+|/+$", "");
    }

    private static boolean hasAnyAccessAnnotation(Method method) {
        return method.isAnnotationPresent(RolesAllowed.class)
                || method.isAnnotationPresent(PermitAll.class)
                || method.isAnnotationPresent(DenyAll.class);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ResourceMethods.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
