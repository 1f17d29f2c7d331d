package dev.smstrack.sending;

import dev.smstrack.messages.SmsEncoding;
import dev.smstrack.platform.PhoneNumbers;
import dev.smstrack.sending.SendValidation.ValidRequest;
import dev.smstrack.sending.api.DryRunResult;
import dev.smstrack.sending.api.InvalidSendRequestException;
import dev.smstrack.sending.api.SendingUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** Asks Sinch what a request would cost, recipient by recipient: nothing is stored or sent. */
@ApplicationScoped
public class DryRun {

    @Inject
    SinchClient sinch;

    @Inject
    SinchSettings settings;

    DryRunResult of(ValidRequest request) throws InvalidSendRequestException {
        var batch = new BatchRequest(
                request.to(),
                request.from(),
                request.body(),
                request.deliveryReport(),
                null,
                settings.callbackUrl(),
                request.options());
        SinchAnswer answer = SinchClient.awaited("do a dry run", () -> sinch.dryRun(batch));
        if (answer.status() == 400) {
            throw new InvalidSendRequestException("request", "Sinch refused it (" + answer.problem() + ")");
        }
        if (!answer.isSuccess()) {
            // Busy, down, or refusing this account (401, 403, 404): nothing the caller's request can fix.
            throw new SendingUnavailableException("Sinch cannot do a dry run now (" + answer.problem() + ")");
        }
        return resultOf(answer.body());
    }

    /** Sinch's answer, with numbers in E.164 and encodings named as the product names them. */
    static DryRunResult resultOf(JsonObject answer) {
        List<DryRunResult.Recipient> recipients = new ArrayList<>();
        for (JsonValue value : answer.getJsonArray("per_recipient") == null
                ? List.<JsonValue>of()
                : answer.getJsonArray("per_recipient")) {
            JsonObject one = value.asJsonObject();
            recipients.add(new DryRunResult.Recipient(
                    PhoneNumbers.e164(one.getString("recipient", "")),
                    one.getString("body", null),
                    "unicode".equalsIgnoreCase(one.getString("encoding", "")) ? SmsEncoding.UNICODE : SmsEncoding.GSM,
                    one.getInt("number_of_parts", 1)));
        }
        return new DryRunResult(
                answer.getInt("number_of_recipients", 0), answer.getInt("number_of_messages", 0), recipients);
    }
}
