package dev.smstrack.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ByteBudgetTest {

    @Test
    void refusesWhatWouldExceedItAndTakesAgainWhatWasGivenBack() {
        var budget = new ByteBudget(100);
        assertTrue(budget.reserve(60));
        assertTrue(budget.reserve(40));
        assertFalse(budget.reserve(1), "the whole budget is held");
        budget.release(40);
        assertFalse(budget.reserve(41), "a refusal takes nothing, and 41 is more than is free");
        assertTrue(budget.reserve(40));
    }
}
