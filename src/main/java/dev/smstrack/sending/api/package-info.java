/**
 * What other Jakarta EE applications compile against to send SMS through this product: the remote
 * and local business interfaces and their serializable request, result and error types. Built into
 * its own jar (classifier {@code client}) so that callers need nothing else of the product.
 */
package dev.smstrack.sending.api;
