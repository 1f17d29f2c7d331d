package dev.smstrack.sending;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.util.concurrent.TimeUnit;

/** One HTTP client for all calls to Sinch, with connect and read timeouts. */
@ApplicationScoped
public class SinchHttp {

    @Inject
    SinchSettings settings;

    private Client client;

    @PostConstruct
    void open() {
        long millis = settings.timeout().toMillis();
        client = ClientBuilder.newBuilder()
                .connectTimeout(millis, TimeUnit.MILLISECONDS)
                .readTimeout(millis, TimeUnit.MILLISECONDS)
                .build();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public Client client() {
        return client;
    }
}
