package dev.smstrack.webhooks;

import java.util.List;

/** The app's webhook for this server, and what registering did: created, updated or unchanged. */
public record RegisteredWebhook(String id, String appId, String target, List<String> triggers, String action) {}
