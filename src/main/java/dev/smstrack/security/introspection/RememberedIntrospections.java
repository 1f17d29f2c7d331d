package dev.smstrack.security.introspection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.wildfly.security.auth.realm.token.TokenValidator;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.authz.Attributes;
import org.wildfly.security.evidence.BearerTokenEvidence;

/**
 * The provider's answers about active tokens, remembered until the token expires ({@code exp}) or
 * for {@code bound}, whichever comes first, so that a client making many requests with one token
 * costs the provider one introspection. A token found inactive is not remembered: the next request
 * asks again (the login throttle bounds how often a guesser can). A revoked token therefore stays
 * accepted for at most {@code bound}. Tokens are held by their SHA-256 digest; at most {@code
 * capacity} of them, the expired dropped first, all of them when none has expired.
 */
public final class RememberedIntrospections implements TokenValidator {

    private final TokenValidator provider;
    private final Duration bound;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    private record Answer(Attributes claims, Instant until) {}

    public RememberedIntrospections(TokenValidator provider, Duration bound, int capacity, Clock clock) {
        this.provider = provider;
        this.bound = bound;
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public Attributes validate(BearerTokenEvidence evidence) throws RealmUnavailableException {
        if (bound.isZero()) {
            return provider.validate(evidence);
        }
        Instant now = clock.instant();
        String key = digest(evidence.getToken());
        Answer remembered = answers.get(key);
        if (remembered != null && now.isBefore(remembered.until())) {
            return remembered.claims();
        }
        Attributes claims = provider.validate(evidence);
        if (claims == null) {
            answers.remove(key);
            return null;
        }
        Instant until =
                expiry(claims).filter(exp -> exp.isBefore(now.plus(bound))).orElse(now.plus(bound));
        if (now.isBefore(until)) {
            makeRoom(now);
            answers.put(key, new Answer(claims.asReadOnly(), until));
        }
        return claims;
    }

    /** How many answers are remembered now. */
    int size() {
        return answers.size();
    }

    private void makeRoom(Instant now) {
        if (answers.size() < capacity) {
            return;
        }
        answers.values().removeIf(answer -> !now.isBefore(answer.until()));
        if (answers.size() >= capacity) {
            answers.clear();
        }
    }

    private static Optional<Instant> expiry(Attributes claims) {
        String exp = claims.getFirst("exp");
        if (exp == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(exp.trim())));
        } catch (NumberFormatException notSeconds) {
            // An expiry we cannot read: remember the answer not at all.
            return Optional.of(Instant.EPOCH);
        }
    }

    private static String digest(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
