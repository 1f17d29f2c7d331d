package dev.smstrack.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 keys: for deduplication, and for telling one request from another. */
public final class Digests {

    private Digests() {}

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
        }
    }

    /** The key of a list of fields; the separator cannot occur inside a field's text. */
    public static String sha256(Object... fields) {
        var joined = new StringBuilder();
        for (Object field : fields) {
            joined.append(field).append('\u0000');
        }
        return sha256(joined.toString().getBytes(StandardCharsets.UTF_8));
    }
}
