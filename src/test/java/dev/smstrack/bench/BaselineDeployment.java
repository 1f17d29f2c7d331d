package dev.smstrack.bench;

import dev.smstrack.bench.baseline.BaselineApplication;
import dev.smstrack.bench.baseline.BaselineResource;
import java.io.ByteArrayOutputStream;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.OperationBuilder;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Deploys (argument "deploy") or removes ("undeploy") bench-baseline.war, a bare JAX-RS endpoint at
 * /bench-baseline/callbacks, on the server at 127.0.0.1:9990: the HTTP ceiling of this machine.
 */
public final class BaselineDeployment {

    static final String NAME = "bench-baseline.war";

    public static void main(String[] args) throws Exception {
        try (var client = ModelControllerClient.Factory.create("127.0.0.1", 9990)) {
            var remove = operation("remove");
            client.execute(remove);
            if (args.length > 0 && args[0].equals("undeploy")) {
                return;
            }
            var war = ShrinkWrap.create(WebArchive.class, NAME)
                    .addClasses(BaselineApplication.class, BaselineResource.class);
            var bytes = new ByteArrayOutputStream();
            war.as(ZipExporter.class).exportTo(bytes);
            var add = operation("add");
            add.get("enabled").set(true);
            add.get("content").get(0).get("input-stream-index").set(0);
            var result = client.execute(new OperationBuilder(add)
                    .addInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))
                    .build());
            if (!"success".equals(result.get("outcome").asString())) {
                throw new IllegalStateException(result.toString());
            }
            System.out.println("deployed " + NAME);
        }
    }

    private static ModelNode operation(String name) {
        var operation = new ModelNode();
        operation.get("operation").set(name);
        operation.get("address").add("deployment", NAME);
        return operation;
    }
}
