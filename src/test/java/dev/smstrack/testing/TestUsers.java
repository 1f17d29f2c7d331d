package dev.smstrack.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The test server's application-realm users (src/test/server/test-users.txt) and their credentials. */
public enum TestUsers {
    SENDER("it-sender"),
    READER("it-reader"),
    OPERATOR("it-operator"),
    /** Authenticated, with none of the product's roles. */
    NOBODY("it-nobody"),
    /** Every role: for tests about something else than access. */
    OPS("it-ops"),
    /** A sender of its own, for SendingGuardIT, which spends its rate and quota. */
    LIMITED("it-limited");

    static final Path FILE = Path.of("src/test/server/test-users.txt");

    /** name → password, groups: the columns of the file. */
    private static final Map<String, String[]> USERS = users();

    private final String name;

    TestUsers(String name) {
        this.name = name;
    }

    public String userName() {
        return name;
    }

    public String password() {
        return USERS.get(name)[1];
    }

    /** The groups of the realm, which are the roles. */
    public Set<String> roles() {
        return Set.of(USERS.get(name)[2].split(","));
    }

    /** The value of an Authorization header for HTTP Basic. */
    public String basic() {
        return "Basic "
                + Base64.getEncoder().encodeToString((name + ":" + password()).getBytes(StandardCharsets.UTF_8));
    }

    /** From the file; inside the server, from the copy that {@link Deployments} adds to a test deployment. */
    private static Map<String, String[]> users() {
        try (var lines = Files.exists(FILE)
                ? Files.lines(FILE)
                : new BufferedReader(new InputStreamReader(
                                TestUsers.class.getResourceAsStream("/" + FILE.getFileName()), StandardCharsets.UTF_8))
                        .lines()) {
            return lines.filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.strip().split("\\s+"))
                    .collect(Collectors.toMap(fields -> fields[0], fields -> fields));
        } catch (IOException e) {
            throw new UncheckedIOException("the test users are listed in src/test/server/test-users.txt", e);
        }
    }
}
