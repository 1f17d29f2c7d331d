package dev.smstrack.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.io.StringReader;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubmissionOutcomeTest {

    @ParameterizedTest(name = "{0} {1} (Retry-After {2}) -> {3}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "201 | {\"id\":\"01FC66621XXXXX119Z8PMV1QPA\"}          | -  | Submitted[batchId=01FC66621XXXXX119Z8PMV1QPA]",
                "200 | {\"id\":\"B1\"}                                  | -  | Submitted[batchId=B1]",
                "201 | {}                                              | -  | Failed[reason=Sinch answered 201 without a batch id: {}]",
                "201 | {\"id\":42}                                     | -  | Failed[reason=Sinch answered 201 without a batch id: {\"id\":42}]",
                "400 | {\"code\":\"syntax_invalid_json\",\"text\":\"x\"} | -  | Rejected[code=syntax_invalid_json, text=x]",
                "403 | {}                                              | -  | Rejected[code=HTTP 403, text=]",
                "429 | {}                                              | 7  | RetryLater[retryAfter=Optional[PT7S], reason=Sinch answered 429]",
                "503 | {}                                              | -  | RetryLater[retryAfter=Optional.empty, reason=Sinch answered 503]",
                "500 | {}                                              | -  | RetryLater[retryAfter=Optional.empty, reason=Sinch answered 500]",
                "401 | {\"text\":\"unauthorized\"}                     | -  | Failed[reason=Sinch answered 401: {\"text\":\"unauthorized\"}]",
                "404 | {}                                              | -  | Failed[reason=Sinch answered 404: {}]",
            })
    void eachAnswerHasOneMeaning(int status, String body, Long retryAfterSeconds, String expected) {
        var answer = new SinchAnswer(
                status,
                Json.createReader(new StringReader(body)).readObject(),
                Optional.ofNullable(retryAfterSeconds).map(Duration::ofSeconds));
        assertEquals(expected, SubmissionOutcome.of(answer).toString());
    }
}
