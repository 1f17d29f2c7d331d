package dev.smstrack.bench.baseline;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The bare JAX-RS application of the HTTP-ceiling baseline. */
@ApplicationPath("/")
public class BaselineApplication extends Application {}
