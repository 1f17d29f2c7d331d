package dev.smstrack.privacy;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The pseudonym of a phone number: {@code erased-} and 24 hex digits of its HMAC-SHA256 under a key
 * kept outside the database ({@code ERASURE_KEY}, else a random key generated once in the server's
 * data directory). The same number always gets the same pseudonym, so that what arrives about it
 * after an erasure still finds its message; without the key, a dump of the database cannot tell
 * which number it was, not even by trying every number there is.
 */
@ApplicationScoped
public class Pseudonyms {

    public static final String PREFIX = "erased-";
    static final int SMALLEST_KEY = 32;

    private static final Logger LOG = Logger.getLogger(Pseudonyms.class.getName());
    private static final int HEX_DIGITS = 24;

    @Inject
    @ConfigProperty(name = "erasure.key")
    Optional<String> configuredKey;

    private SecretKeySpec key;
    /** A Mac is not thread-safe, and costs more to make than to use: one per thread. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    @PostConstruct
    void loadKey() {
        byte[] material = configuredKey
                .filter(value -> !value.isBlank())
                .map(Pseudonyms::checked)
                .orElseGet(Pseudonyms::generatedKey);
        key = new SecretKeySpec(material, "HmacSHA256");
    }

    /** The pseudonym of a number in E.164. */
    public String of(String e164) {
        byte[] digest = macs.get().doFinal(e164.getBytes(StandardCharsets.UTF_8));
        return PREFIX + HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static byte[] checked(String configured) {
        if (configured.length() < SMALLEST_KEY) {
            throw new IllegalStateException("ERASURE_KEY must be at least " + SMALLEST_KEY
                    + " characters (e.g. openssl rand -hex 32); it is " + configured.length());
        }
        return configured.getBytes(StandardCharsets.UTF_8);
    }

    /** The key in the data directory, made the first time: random, readable by the server's user alone. */
    private static byte[] generatedKey() {
        Path file = Path.of(System.getProperty("jboss.server.data.dir", "."), "sms-tracker", "erasure.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                try {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(
                            file, Base64.getEncoder().encodeToString(random), StandardOpenOption.TRUNCATE_EXISTING);
                    LOG.info("ERASURE_KEY is not set: erased phone numbers are recognised with a key generated in "
                            + file + ". Keep it with the data directory; the nodes of a cluster need one key: set"
                            + " ERASURE_KEY on each (docs/cluster.md)");
                } catch (FileAlreadyExistsException anotherStartMadeIt) {
                    // read below
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the erasure key in " + file + "; set ERASURE_KEY", e);
        }
    }
}
