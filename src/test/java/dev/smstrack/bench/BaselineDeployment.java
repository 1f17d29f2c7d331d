package dev.smstrack.bench;

import dev.smstrack.bench.baseline.AcceptedBaselineResource;
import dev.smstrack.bench.baseline.BaselineApplication;
import dev.smstrack.callbacks.BrokerRefusalException;
import dev.smstrack.callbacks.GroupedQueueWriters;
import dev.smstrack.callbacks.IntakeSettings;
import dev.smstrack.callbacks.QueuedCallback;
import dev.smstrack.callbacks.authentication.VerifiedNonce;
import dev.smstrack.platform.ByteBudget;
import dev.smstrack.platform.Digests;
import dev.smstrack.platform.Ids;
import dev.smstrack.platform.Tokens;
import dev.smstrack.platform.web.NonBlockingBodyReader;
import dev.smstrack.platform.web.RequestBodySettings;
import dev.smstrack.platform.web.RequestIds;
import java.io.ByteArrayOutputStream;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.OperationBuilder;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Deploys (argument "deploy") or removes ("undeploy") bench-baseline.war on the server at
 * 127.0.0.1:9990, beside the product: a bare JAX-RS endpoint at /bench-baseline/callbacks (the HTTP
 * ceiling of this machine), and at /bench-baseline/accepted the product's own accepting pipeline
 * with the product's work removed ({@link AcceptedBaselineResource}): its classes, not a copy.
 */
public final class BaselineDeployment {

    static final String NAME = "bench-baseline.war";

    /** The product's body reader, mapped as the product maps it (web.xml), alone. */
    private static final String WEB_XML =
            """
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                <filter>
                    <filter-name>NonBlockingBodyReader</filter-name>
                    <filter-class>dev.smstrack.platform.web.NonBlockingBodyReader</filter-class>
                    <async-supported>true</async-supported>
                </filter>
                <filter-mapping>
                    <filter-name>NonBlockingBodyReader</filter-name>
                    <url-pattern>/accepted</url-pattern>
                    <dispatcher>REQUEST</dispatcher>
                    <dispatcher>ASYNC</dispatcher>
                </filter-mapping>
            </web-app>
            """;

    public static void main(String[] args) throws Exception {
        try (var client = ModelControllerClient.Factory.create("127.0.0.1", 9990)) {
            client.execute(operation("remove"));
            if (args.length > 0 && args[0].equals("undeploy")) {
                return;
            }
            var war = ShrinkWrap.create(WebArchive.class, NAME)
                    .addPackage(BaselineApplication.class.getPackage())
                    .addClasses(
                            GroupedQueueWriters.class,
                            QueuedCallback.class,
                            VerifiedNonce.class,
                            BrokerRefusalException.class,
                            IntakeSettings.class,
                            ByteBudget.class,
                            Ids.class,
                            Digests.class,
                            Tokens.class,
                            RequestIds.class,
                            NonBlockingBodyReader.class,
                            RequestBodySettings.class)
                    .addClass(NonBlockingBodyReader.class.getPackageName() + ".ReadBodyRequest") // package-private
                    .setWebXML(new StringAsset(WEB_XML));
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

    private static void succeed(ModelNode result) {
        if (!"success".equals(result.get("outcome").asString())) {
            throw new IllegalStateException(result.toString());
        }
    }

    private static ModelNode operation(String name) {
        var operation = new ModelNode();
        operation.get("operation").set(name);
        operation.get("address").add("deployment", NAME);
        return operation;
    }
}
