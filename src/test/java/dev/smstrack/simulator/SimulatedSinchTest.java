package dev.smstrack.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatedSinchTest {

    @Test
    void remembersTheLatestBatchesOnly() {
        Map<String, Integer> remembered = SimulatedSinch.bounded();
        for (int i = 0; i <= SimulatedSinch.MOST_REMEMBERED; i++) {
            remembered.put("batch-" + i, i);
        }
        assertEquals(SimulatedSinch.MOST_REMEMBERED, remembered.size());
        assertFalse(remembered.containsKey("batch-0"), "the oldest is forgotten");
        assertTrue(remembered.containsKey("batch-" + SimulatedSinch.MOST_REMEMBERED));
    }
}
