package dev.smstrack.security;

/**
 * The roles the product knows. Users get them as groups of the application realm ({@code add-user.sh
 * -a -g sms-sender}) or as roles in an OpenID Connect token; resources and beans name the ones they
 * admit.
 */
public final class Roles {

    /** Sends SMS: POST /api/messages and the SmsSending EJB. */
    public static final String SENDER = "sms-sender";

    /** Reads messages, their history, inbound messages and kept callbacks: every read API. */
    public static final String READER = "sms-reader";

    /** Operates the pipeline: replays dead letters, and the admin operations to come. */
    public static final String OPERATOR = "sms-operator";

    private Roles() {}
}
