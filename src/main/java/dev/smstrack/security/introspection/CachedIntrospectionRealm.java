package dev.smstrack.security.introspection;

import java.net.MalformedURLException;
import java.net.URL;
import java.security.NoSuchAlgorithmException;
import java.security.spec.AlgorithmParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import org.wildfly.security.auth.SupportLevel;
import org.wildfly.security.auth.realm.token.TokenSecurityRealm;
import org.wildfly.security.auth.realm.token.validator.OAuth2IntrospectValidator;
import org.wildfly.security.auth.server.RealmIdentity;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityRealm;
import org.wildfly.security.credential.Credential;
import org.wildfly.security.evidence.Evidence;

/**
 * Elytron's token realm with OAuth 2 introspection, as {@code token-realm} builds it, but with the
 * provider's answers remembered ({@link RememberedIntrospections}). Configured as a {@code
 * custom-realm} (wildfly-config/oidc.cli) with:
 *
 * <ul>
 *   <li>{@code introspection-url}, {@code client-id}, {@code client-secret}: the provider's endpoint
 *       and the confidential client allowed to call it (an {@code https} URL is trusted through the
 *       JVM's default trust store);
 *   <li>{@code principal-claim}: the claim that names the user ({@code preferred_username});
 *   <li>{@code cache-seconds}: how long an answer is remembered at most ({@code 300}; {@code 0}
 *       asks the provider on every request); {@code cache-size}: how many tokens ({@code 10000});
 *   <li>{@code timeout-ms}: how long to wait for the provider to connect, then to answer ({@code
 *       5000}).
 * </ul>
 */
public final class CachedIntrospectionRealm implements SecurityRealm {

    private SecurityRealm tokens;

    /** Called by Elytron once, with the {@code configuration} of the custom realm. */
    public void initialize(Map<String, String> configuration) {
        URL endpoint = url(required(configuration, "introspection-url"));
        int timeout = number(configuration, "timeout-ms", 5000);
        var introspection = OAuth2IntrospectValidator.builder()
                .tokenIntrospectionUrl(endpoint)
                .clientId(required(configuration, "client-id"))
                .clientSecret(required(configuration, "client-secret"))
                .connectionTimeout(timeout)
                .readTimeout(timeout);
        if ("https".equalsIgnoreCase(endpoint.getProtocol())) {
            introspection
                    .useSslContext(defaultSslContext())
                    .useSslHostnameVerifier(HttpsURLConnection.getDefaultHostnameVerifier());
        }
        tokens = TokenSecurityRealm.builder()
                .principalClaimName(configuration.getOrDefault("principal-claim", "preferred_username"))
                .validator(new RememberedIntrospections(
                        introspection.build(),
                        Duration.ofSeconds(number(configuration, "cache-seconds", 300)),
                        number(configuration, "cache-size", 10_000),
                        Clock.systemUTC()))
                .build();
    }

    @Override
    public RealmIdentity getRealmIdentity(Evidence evidence) throws RealmUnavailableException {
        return tokens.getRealmIdentity(evidence);
    }

    @Override
    public SupportLevel getCredentialAcquireSupport(
            Class<? extends Credential> credentialType, String algorithmName, AlgorithmParameterSpec parameterSpec)
            throws RealmUnavailableException {
        return tokens.getCredentialAcquireSupport(credentialType, algorithmName, parameterSpec);
    }

    @Override
    public SupportLevel getEvidenceVerifySupport(Class<? extends Evidence> evidenceType, String algorithmName)
            throws RealmUnavailableException {
        return tokens.getEvidenceVerifySupport(evidenceType, algorithmName);
    }

    private static String required(Map<String, String> configuration, String name) {
        String value = configuration.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the OIDC realm needs its " + name + " (see wildfly-config/oidc.cli)");
        }
        return value;
    }

    private static int number(Map<String, String> configuration, String name, int otherwise) {
        String value = configuration.get(name);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new IllegalArgumentException(
                "the OIDC realm's " + name + " must be a whole number of at least 0, not " + value);
    }

    private static URL url(String value) {
        try {
            return new URL(value);
        } catch (MalformedURLException bad) {
            throw new IllegalArgumentException("the OIDC realm's introspection-url is not a URL: " + value, bad);
        }
    }

    private static SSLContext defaultSslContext() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("the JVM has no default TLS context", impossible);
        }
    }
}
