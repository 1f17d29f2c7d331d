/** The SMS tracker: sends SMS through Sinch and records every delivery report it receives for them. */
package dev.smstrack;
