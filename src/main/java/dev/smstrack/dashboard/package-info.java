/**
 * The operators' web page, served by the WAR from static ES modules (src/main/webapp): it reads
 * the same JSON API as everyone, under the same login, and shows only what the user's roles allow.
 */
package dev.smstrack.dashboard;
