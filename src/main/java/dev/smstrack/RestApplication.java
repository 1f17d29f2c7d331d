package dev.smstrack;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/** All resources live under /api; the WAR is deployed at context root /. */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "SMS tracker",
                        version = "1",
                        description =
                                "Sends SMS through Sinch and tracks each to the handset. Every API but Sinch's callback"
                                        + " needs a user with a role: sms-sender to send, sms-reader to read, sms-operator to replay"
                                        + " or erase. Every error is an RFC 9457 problem (application/problem+json) with the"
                                        + " request's X-Request-Id."))
@SecuritySchemes({
    @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic"),
    @SecurityScheme(
            securitySchemeName = "bearer",
            type = SecuritySchemeType.HTTP,
            scheme = "bearer",
            description = "An OIDC access token of the configured realm (OIDC_PROVIDER_URL)")
})
public class RestApplication extends Application {}
