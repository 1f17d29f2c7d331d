package dev.smstrack.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The message list filters by a known status in any case, in each spelling it is stored in. */
class StatusFilterTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "delivered, Delivered DELIVERED",
        "DELIVERED, Delivered DELIVERED",
        "' Pending ', Pending PENDING",
        "failed_to_submit, Failed_to_submit FAILED_TO_SUBMIT",
        "queued_on_channel, Queued_on_channel QUEUED_ON_CHANNEL"
    })
    void findsEachSpellingOfAKnownStatus(String asked, String spellings) {
        assertEquals(Optional.of(List.of(spellings.split(" "))), StatusLifecycle.spellingsOf(asked));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({"NOPE", "deliver", "''"})
    void knowsNoOtherStatus(String asked) {
        assertTrue(StatusLifecycle.spellingsOf(asked).isEmpty());
    }
}
