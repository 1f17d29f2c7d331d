package dev.smstrack.bench;

import dev.smstrack.bench.baseline.BaselineApplication;
import dev.smstrack.bench.baseline.QueuedBaselineResource;
import dev.smstrack.bench.baseline.StoredBaselineResource;
import dev.smstrack.callbacks.authentication.Rejection;
import dev.smstrack.callbacks.authentication.SignedRequest;
import dev.smstrack.callbacks.authentication.WebhookSignature;
import dev.smstrack.messages.StatusLifecycle;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.OperationBuilder;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Deploys (argument "deploy") or removes ("undeploy") bench-baseline.war on the server at
 * 127.0.0.1:9990: a bare JAX-RS endpoint at /bench-baseline/callbacks (the HTTP ceiling of this
 * machine) and one at /bench-baseline/queued that only queues the body durably (the broker's
 * ceiling), with the queue it needs and a consumer that only counts what it takes (reported at
 * /bench-baseline/queued/consumed); and one at /bench-baseline/stored that checks the signature and
 * queues, with a consumer that stores each report with nothing but the writes the product must do.
 */
public final class BaselineDeployment {

    static final String NAME = "bench-baseline.war";
    private static final String BARE_QUEUE = "SmsTrackerBenchBaseline";
    private static final String STORED_QUEUE = "SmsTrackerBenchStored";

    public static void main(String[] args) throws Exception {
        try (var client = ModelControllerClient.Factory.create("127.0.0.1", 9990)) {
            client.execute(operation("remove"));
            for (String queue : List.of(BARE_QUEUE, STORED_QUEUE)) {
                client.execute(queue(queue, "remove"));
                client.execute(addressSetting(queue, "remove"));
            }
            if (args.length > 0 && args[0].equals("undeploy")) {
                return;
            }
            // As the product's queue is set up (wildfly-config/sms-tracker.cli), but paged rather
            // than refused when full: held in memory up to 100 MiB, as a backlog of the bench fits.
            addQueue(client, BARE_QUEUE, QueuedBaselineResource.QUEUE, "PAGE");
            // As the product's queue exactly: full at 100 MiB, when its endpoint answers 503.
            addQueue(client, STORED_QUEUE, StoredBaselineResource.QUEUE, "FAIL");
            var war = ShrinkWrap.create(WebArchive.class, NAME)
                    .addPackage(BaselineApplication.class.getPackage())
                    .addClasses(WebhookSignature.class, SignedRequest.class, Rejection.class, StatusLifecycle.class);
            var bytes = new ByteArrayOutputStream();
            war.as(ZipExporter.class).exportTo(bytes);
            var add = operation("add");
            add.get("enabled").set(true);
            add.get("content").get(0).get("input-stream-index").set(0);
            succeed(client.execute(new OperationBuilder(add)
                    .addInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))
                    .build()));
            System.out.println("deployed " + NAME);
        }
    }

    private static void addQueue(ModelControllerClient client, String name, String entry, String whenFull)
            throws java.io.IOException {
        var setting = addressSetting(name, "add");
        setting.get("max-size-bytes").set(104857600L);
        setting.get("address-full-policy").set(whenFull);
        succeed(client.execute(setting));
        var addQueue = queue(name, "add");
        addQueue.get("entries").add(entry);
        addQueue.get("durable").set(true);
        succeed(client.execute(addQueue));
    }

    private static void succeed(ModelNode result) {
        if (!"success".equals(result.get("outcome").asString())) {
            throw new IllegalStateException(result.toString());
        }
    }

    private static ModelNode addressSetting(String queue, String name) {
        var operation = new ModelNode();
        operation.get("operation").set(name);
        operation.get("address").add("subsystem", "messaging-activemq");
        operation.get("address").add("server", "default");
        operation.get("address").add("address-setting", "jms.queue." + queue);
        return operation;
    }

    private static ModelNode queue(String queue, String name) {
        var operation = new ModelNode();
        operation.get("operation").set(name);
        operation.get("address").add("subsystem", "messaging-activemq");
        operation.get("address").add("server", "default");
        operation.get("address").add("jms-queue", queue);
        return operation;
    }

    private static ModelNode operation(String name) {
        var operation = new ModelNode();
        operation.get("operation").set(name);
        operation.get("address").add("deployment", NAME);
        return operation;
    }
}
