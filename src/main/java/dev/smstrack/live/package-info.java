/**
 * Pushes each committed change of a message to the dashboards watching it, as Server-Sent Events:
 * through a JMS topic, so that a change committed on one node reaches the watchers of every node.
 */
package dev.smstrack.live;
