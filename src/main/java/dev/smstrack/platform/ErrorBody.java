package dev.smstrack.platform;

/** The JSON body of every error answer: what went wrong, and the specific reason. */
public record ErrorBody(String error, String reason) {}
