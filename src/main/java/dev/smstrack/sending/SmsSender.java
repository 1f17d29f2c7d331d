package dev.smstrack.sending;

import dev.smstrack.security.Roles;
import dev.smstrack.sending.api.InvalidSendRequestException;
import dev.smstrack.sending.api.SendRequest;
import dev.smstrack.sending.api.SendResult;
import dev.smstrack.sending.api.SendingUnavailableException;
import dev.smstrack.sending.api.SmsSending;
import dev.smstrack.sending.api.SmsSendingLocal;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The EJB other applications call to send SMS (remote and local views), and behind the REST
 * endpoint. Idempotent per client reference: a repeated request returns the first one's result.
 */
@Stateless
@RolesAllowed(Roles.SENDER)
@DeclareRoles({Roles.SENDER, Roles.READER, Roles.OPERATOR})
public class SmsSender implements SmsSending, SmsSendingLocal {

    @Inject
    Submissions submissions;

    @Inject
    SinchSettings settings;

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SendResult send(SendRequest request) throws InvalidSendRequestException {
        if (!settings.canSend()) {
            throw new SendingUnavailableException("Sinch is not configured");
        }
        var valid = SendValidation.check(request, settings.from(), settings.deliveryReport());
        if (valid.clientReference() != null) {
            var earlier = submissions.forKey(valid.clientReference());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        try {
            return submissions.create(valid);
        } catch (EJBException raceLost) {
            // Another call with the same key committed first: its result is the answer.
            if (valid.clientReference() == null) {
                throw raceLost;
            }
            return submissions.forKey(valid.clientReference()).orElseThrow(() -> raceLost);
        }
    }
}
