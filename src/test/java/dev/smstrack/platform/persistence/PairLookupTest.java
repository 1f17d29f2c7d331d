package dev.smstrack.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairLookupTest {

    record Pair(String key, String recipient) {}

    private final PairLookup<Pair> lookup = new PairLookup<>(Pair::key, Pair::recipient);

    /** Every transaction takes its locks in one order, and no query holds more pairs than can be estimated one by one. */
    @Test
    void pairsAreSortedAndCutIntoQueriesOfAtMostTheLimit() {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 2 * PairLookup.MOST_PER_QUERY + 1; i++) {
            pairs.add(new Pair("batch-" + (i % 3), String.format("+4670%05d", i)));
        }
        Collections.shuffle(pairs);

        var chunks = lookup.chunks(pairs);

        assertEquals(3, chunks.size());
        assertEquals(
                List.of(PairLookup.MOST_PER_QUERY, PairLookup.MOST_PER_QUERY, 1),
                chunks.stream().map(List::size).toList());
        List<Pair> joined = chunks.stream().flatMap(List::stream).toList();
        List<Pair> sorted = new ArrayList<>(pairs);
        sorted.sort((a, b) -> a.key().equals(b.key())
                ? a.recipient().compareTo(b.recipient())
                : a.key().compareTo(b.key()));
        assertEquals(sorted, joined);
    }

    @Test
    void aPairWithANullHalfIsLeftOutAsNoRowCanEqualIt() {
        var chunks =
                lookup.chunks(List.of(new Pair(null, "+46700000001"), new Pair("b", null), new Pair("b", "+4670")));

        assertEquals(List.of(List.of(new Pair("b", "+4670"))), chunks);
        assertEquals(List.of(), lookup.chunks(List.of(new Pair(null, "+46700000001"))));
    }

    @Test
    void theConditionNamesOneParameterPairPerWantedPair() {
        assertEquals(
                "((e.batchId = :p0a AND e.recipient = :p0b) OR (e.batchId = :p1a AND e.recipient = :p1b))",
                PairLookup.condition("e.batchId", "e.recipient", 2));
    }
}
