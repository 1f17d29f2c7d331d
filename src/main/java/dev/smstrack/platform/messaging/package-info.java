/** How the product takes work off its queues: a list at a time, in a local JMS transaction. */
package dev.smstrack.platform.messaging;
