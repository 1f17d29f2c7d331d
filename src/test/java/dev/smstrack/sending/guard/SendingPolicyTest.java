package dev.smstrack.sending.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SendingPolicyTest {

    private static GuardSettings.Values settings(String prefixes, String senders) {
        return new GuardSettings.Values(list(prefixes), list(senders), OptionalInt.empty(), OptionalInt.empty());
    }

    private static List<String> list(String values) {
        return values == null ? List.of() : Arrays.asList(values.split(";"));
    }

    @ParameterizedTest(name = "to {0} from {1}, allowed {2} / {3} -> {4}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                // nothing set: anything goes
                "+4915112345678         | YourBank  | -          | -            | -",
                // prefixes: each recipient must start with one
                "+46701234567           | Acme      | +46;+47    | -            | -",
                "+46701234567;+4790000000 | Acme    | +46;+47    | -            | -",
                "+46701234567;+4915112345678 | Acme | +46;+47    | -            | DESTINATION to[1]",
                "+4915112345678         | Acme      | +46        | -            | DESTINATION to[0]",
                "+442071234567          | Acme      | +4420      | -            | -",
                "+447911123456          | Acme      | +4420      | -            | DESTINATION to[0]",
                // senders: SINCH_FROM (Acme) always, others only if listed
                "+46701234567           | Acme      | -          | Alerts       | -",
                "+46701234567           | Alerts    | -          | Alerts;Info  | -",
                "+46701234567           | YourBank  | -          | Alerts;Info  | SENDER from",
                "+46701234567           | alerts    | -          | Alerts       | SENDER from",
                // the destination is checked first
                "+4915112345678         | YourBank  | +46        | Alerts       | DESTINATION to[0]",
            })
    void refusesWhatFallsOutsideTheSettings(String to, String from, String prefixes, String senders, String expected) {
        var refusal = SendingPolicy.check(list(to), from, Optional.of("Acme"), settings(prefixes, senders));
        assertEquals(
                Optional.ofNullable(expected),
                refusal.map(r -> r.rule() + " " + r.field()),
                refusal.map(Refusal::problem).orElse("admitted"));
    }
}
