package dev.smstrack.privacy;

import dev.smstrack.platform.PhoneNumbers;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * The numbers erased so far, kept as their pseudonyms only, and texts masked with them: a callback
 * about an erased number that arrives (or is taken off the queue) after the erasure is stored with
 * the pseudonym in place of the number. Internal: the consumer and the erasure call it, in their
 * transactions.
 */
@Stateless
@PermitAll
public class ErasedNumbers {

    /** A batch report may list a thousand recipients, and a list hold a few hundred callbacks. */
    private static final int MOST_PER_QUERY = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Pseudonyms pseudonyms;

    /** Remembers the number as erased (its pseudonym, never the number); returns the pseudonym. */
    public String remember(String e164) {
        String pseudonym = pseudonyms.of(e164);
        boolean known = !em.createNativeQuery("SELECT pseudonym FROM erased_number WHERE pseudonym = ?")
                .setParameter(1, pseudonym)
                .getResultList()
                .isEmpty();
        if (!known) {
            em.createNativeQuery("INSERT INTO erased_number (pseudonym, erased_at_ms) VALUES (?, ?)")
                    .setParameter(1, pseudonym)
                    .setParameter(2, System.currentTimeMillis())
                    .executeUpdate();
        }
        return pseudonym;
    }

    /**
     * The texts, each with every erased number in it replaced by its pseudonym; one query for all of
     * them, none when they hold no number. A text without an erased number is returned as it is.
     */
    public List<String> masked(List<String> texts) {
        Map<String, String> pseudonymOf = new HashMap<>();
        for (String text : texts) {
            Matcher number = NumbersInText.NUMBER.matcher(text);
            while (number.find()) {
                pseudonymOf.computeIfAbsent(PhoneNumbers.e164(number.group()), pseudonyms::of);
            }
        }
        if (pseudonymOf.isEmpty()) {
            return texts;
        }
        Set<String> erased = erasedAmong(Set.copyOf(pseudonymOf.values()));
        if (erased.isEmpty()) {
            return texts;
        }
        Map<String, String> replacements = pseudonymOf.entrySet().stream()
                .filter(entry -> erased.contains(entry.getValue()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return texts.stream()
                .map(text -> NumbersInText.replaced(text, replacements::containsKey, replacements::get))
                .toList();
    }

    private Set<String> erasedAmong(Set<String> pseudonyms) {
        List<String> all = List.copyOf(pseudonyms);
        Set<String> erased = new HashSet<>();
        for (int from = 0; from < all.size(); from += MOST_PER_QUERY) {
            List<String> some = all.subList(from, Math.min(all.size(), from + MOST_PER_QUERY));
            String placeholders = some.stream().map(unused -> "?").collect(Collectors.joining(", "));
            var query = em.createNativeQuery(
                    "SELECT pseudonym FROM erased_number WHERE pseudonym IN (" + placeholders + ")");
            for (int i = 0; i < some.size(); i++) {
                query.setParameter(i + 1, some.get(i));
            }
            for (Object row : query.getResultList()) {
                erased.add((String) row);
            }
        }
        return erased;
    }
}
