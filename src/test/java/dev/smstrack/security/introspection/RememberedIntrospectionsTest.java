package dev.smstrack.security.introspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wildfly.security.auth.realm.token.TokenValidator;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.authz.Attributes;
import org.wildfly.security.authz.MapAttributes;
import org.wildfly.security.evidence.BearerTokenEvidence;

class RememberedIntrospectionsTest {

    private final Instant start = Instant.parse("2026-12-07T10:00:00Z");
    private Instant now = start;
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };

    /** The provider: active tokens with their expiry; counts the questions. */
    private final Map<String, Instant> active = new HashMap<>();

    private final Map<String, Integer> asked = new HashMap<>();
    private final TokenValidator provider = evidence -> {
        asked.merge(evidence.getToken(), 1, Integer::sum);
        Instant exp = active.get(evidence.getToken());
        if (exp == null) {
            return null;
        }
        var claims = new MapAttributes();
        claims.addFirst("preferred_username", "user-of-" + evidence.getToken());
        claims.addFirst("exp", Long.toString(exp.getEpochSecond()));
        return claims;
    };

    private Attributes validate(RememberedIntrospections answers, String token) throws RealmUnavailableException {
        return answers.validate(new BearerTokenEvidence(token));
    }

    @Test
    void aHundredRequestsWithOneTokenAskTheProviderOnce() throws Exception {
        active.put("t1", start.plusSeconds(600));
        var answers = new RememberedIntrospections(provider, Duration.ofSeconds(300), 100, clock);
        for (int i = 0; i < 100; i++) {
            now = start.plusSeconds(i);
            assertEquals("user-of-t1", validate(answers, "t1").getFirst("preferred_username"));
        }
        assertEquals(1, asked.get("t1"));
    }

    @Test
    void anAnswerIsRememberedUntilTheTokenExpiresAtTheLatest() throws Exception {
        active.put("t1", start.plusSeconds(60));
        var answers = new RememberedIntrospections(provider, Duration.ofSeconds(300), 100, clock);
        validate(answers, "t1");
        now = start.plusSeconds(59);
        validate(answers, "t1");
        assertEquals(1, asked.get("t1"));
        now = start.plusSeconds(60);
        active.remove("t1"); // the provider now says: inactive
        assertNull(validate(answers, "t1"), "expired: asked again, and refused");
        assertEquals(2, asked.get("t1"));
    }

    @Test
    void aRevokedTokenIsAskedAboutAgainOnceTheBoundHasPassed() throws Exception {
        active.put("t1", start.plusSeconds(3600));
        var answers = new RememberedIntrospections(provider, Duration.ofSeconds(300), 100, clock);
        validate(answers, "t1");
        active.remove("t1");
        now = start.plusSeconds(299);
        assertEquals("user-of-t1", validate(answers, "t1").getFirst("preferred_username"), "within the bound");
        now = start.plusSeconds(300);
        assertNull(validate(answers, "t1"), "past the bound, the provider's word");
        assertEquals(2, asked.get("t1"));
    }

    @Test
    void inactiveTokensAreNeverRemembered() throws Exception {
        var answers = new RememberedIntrospections(provider, Duration.ofSeconds(300), 100, clock);
        assertNull(validate(answers, "guess"));
        assertNull(validate(answers, "guess"));
        assertEquals(2, asked.get("guess"));
        assertEquals(0, answers.size());
    }

    @Test
    void eachTokenHasItsOwnAnswer() throws Exception {
        active.put("t1", start.plusSeconds(600));
        active.put("t2", start.plusSeconds(600));
        var answers = new RememberedIntrospections(provider, Duration.ofSeconds(300), 100, clock);
        assertEquals("user-of-t1", validate(answers, "t1").getFirst("preferred_username"));
        assertEquals("user-of-t2", validate(answers, "t2").getFirst("preferred_username"));
        assertNull(validate(answers, "t3"));
    }

    @Test
    void aBoundOfZeroAsksEveryTime() throws Exception {
        active.put("t1", start.plusSeconds(600));
        var answers = new RememberedIntrospections(provider, Duration.ZERO, 100, clock);
        validate(answers, "t1");
        validate(answers, "t1");
        assertEquals(2, asked.get("t1"));
    }

    @Test
    void atCapacityTheExpiredGoFirstAndTheCountNeverPassesIt() throws Exception {
        active.put("short", start.plusSeconds(10));
        active.put("t1", start.plusSeconds(600));
        active.put("t2", start.plusSeconds(600));
        var answers = new RememberedIntrospections(provider, Duration.ofSeconds(300), 2, clock);
        validate(answers, "short");
        validate(answers, "t1");
        now = start.plusSeconds(20);
        validate(answers, "t2");
        assertEquals(2, answers.size());
        validate(answers, "t1");
        assertEquals(1, asked.get("t1"), "t1 was kept: the expired one made room");
        active.put("t3", start.plusSeconds(600));
        validate(answers, "t3");
        assertEquals(1, answers.size(), "none expired: all dropped, then t3 remembered");
    }

    @Test
    void theProvidersFailureIsTheCallersAndNothingIsRemembered() {
        TokenValidator down = evidence -> {
            throw new RealmUnavailableException("provider down");
        };
        var answers = new RememberedIntrospections(down, Duration.ofSeconds(300), 100, clock);
        assertThrows(RealmUnavailableException.class, () -> validate(answers, "t1"));
        assertEquals(0, answers.size());
    }
}
