package dev.smstrack;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All resources live under /api; the WAR is deployed at context root /. */
@ApplicationPath("/api")
public class RestApplication extends Application {}
