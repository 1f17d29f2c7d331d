package dev.smstrack.platform.web;

import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How request bodies are read ({@code REQUEST_BODY_…} in the environment): {@link NonBlockingBodyReader}. */
// Dependent: a bean-defining annotation, so that annotated discovery finds it and maps it.
@Dependent
@ConfigProperties(prefix = "request.body")
public class RequestBodySettings {

    /** How long after its headers a body must be whole. */
    @ConfigProperty(name = "deadline.seconds", defaultValue = "20")
    int deadlineSeconds;

    /** What the bodies being read may hold in all. */
    @ConfigProperty(name = "budget.bytes", defaultValue = "67108864")
    long budgetBytes;
}
