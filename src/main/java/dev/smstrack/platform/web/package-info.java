/**
 * What every HTTP request meets around the resources: its id, and the mapping of every failure to a
 * problem answer that reveals nothing internal.
 */
package dev.smstrack.platform.web;
