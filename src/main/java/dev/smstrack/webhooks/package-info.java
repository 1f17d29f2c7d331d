/**
 * Registers this server's callback URL with Sinch's Conversation API, so that operators need not
 * copy URLs and secrets into Sinch's dashboard by hand. Idempotent by looking first: the app's
 * webhook with our target is created once and afterwards only corrected, never duplicated.
 */
package dev.smstrack.webhooks;
