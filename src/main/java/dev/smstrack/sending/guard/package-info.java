/**
 * The sending guard: what a leaked sender password can cost. Before a send request is stored, its
 * recipients must fall within the allowed destinations and its sender among the allowed ones (else
 * 400 naming the field), and its caller must be within its rate a minute and its quota a day (else
 * 429 with Retry-After; the EJB throws {@code SendingLimitException}). The counts are rows in the
 * database, one per user and period, so the limits hold on every node and across restarts, and one
 * user's sends never wait for another's. Every refusal is counted by reason and kept for operators.
 * The settings are read at each send, so a change of them applies without a redeployment.
 */
package dev.smstrack.sending.guard;
