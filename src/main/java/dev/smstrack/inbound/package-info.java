/**
 * Messages sent to us: inbound SMS (mo_text, mo_binary, mo_media) and Conversation API inbound
 * messages, each stored once, identified by Sinch's id.
 */
package dev.smstrack.inbound;
