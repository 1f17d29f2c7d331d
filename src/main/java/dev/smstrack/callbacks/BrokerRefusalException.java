package dev.smstrack.callbacks;

import jakarta.ejb.ApplicationException;

/**
 * The broker did not take a callback (its budget is spent, its disk is full, or it is stopping):
 * an expected answer under load, which the endpoint turns into a 503 for Sinch to retry. An
 * application exception, so that the EJB container does not log a stack trace for each refusal
 * (a burst of refusals once wrote a gigabyte of them).
 */
@ApplicationException
public class BrokerRefusalException extends RuntimeException {

    BrokerRefusalException(Exception cause) {
        super(cause.getMessage(), cause);
    }

    BrokerRefusalException(String reason) {
        super(reason);
    }
}
