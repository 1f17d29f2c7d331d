/**
 * What Sinch sends, as a sealed family of records read from its JSON with Sinch's leniencies, and
 * what of it the product can store: a callback that cannot be read names the field at fault.
 */
package dev.smstrack.callbacks.payload;
