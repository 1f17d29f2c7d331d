package dev.smstrack.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThrottledLogTest {

    private final Logger logger = Logger.getLogger("throttled-log-test");
    private final List<String> lines = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private long now = -5_000_000_000L; // nanoTime may be negative

    {
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
    }

    @AfterEach
    void detach() {
        logger.removeHandler(handler);
    }

    @Test
    void writesOneLineAKeyAnIntervalAndCountsWhatItLeftOut() {
        var log = new ThrottledLog(logger, Duration.ofSeconds(1), () -> now);
        for (int i = 0; i < 1000; i++) {
            log.warning("signature", () -> "refused: signature");
        }
        log.warning("timestamp", () -> "refused: timestamp");
        now += 999_000_000L;
        log.warning("signature", () -> "refused: signature");
        assertEquals(List.of("refused: signature", "refused: timestamp"), lines, "one line a key within a second");

        now += 1_000_000L;
        log.warning("signature", () -> "refused: signature again");
        assertEquals(
                "refused: signature again (1000 more like it left out of the log since the last line)", lines.get(2));
        now += 5_000_000_000L;
        log.warning("signature", () -> "refused: signature later");
        assertEquals("refused: signature later", lines.get(3), "nothing left out since the last line");
    }
}
