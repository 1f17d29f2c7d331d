package dev.smstrack.bench;

import dev.smstrack.bench.baseline.AcceptedBaselineResource;
import dev.smstrack.bench.baseline.BaselineApplication;
import dev.smstrack.bench.baseline.StoredBaselineConsumer;
import dev.smstrack.callbacks.BrokerRefusalException;
import dev.smstrack.callbacks.GroupedQueueWriters;
import dev.smstrack.callbacks.IntakeSettings;
import dev.smstrack.callbacks.QueuedCallback;
import dev.smstrack.callbacks.authentication.VerifiedNonce;
import dev.smstrack.platform.ByteBudget;
import dev.smstrack.platform.Digests;
import dev.smstrack.platform.Ids;
import dev.smstrack.platform.PhoneNumbers;
import dev.smstrack.platform.Tokens;
import dev.smstrack.platform.messaging.QueueLists;
import dev.smstrack.platform.persistence.ListCommit;
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
 * ceiling of this machine), and at /bench-baseline/accepted the product's own pipeline with the
 * product's work removed ({@link AcceptedBaselineResource}, {@link StoredBaselineConsumer}): its
 * classes, not a copy, on the product's own queue. The baseline's consumer is deployed stopped (a
 * baseline left deployed by an interrupted run stays out of the way); the bench stops the product's
 * consumer before it starts this one, and the other way round after.
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

    /** The baseline's consumer deployed stopped: the product's consumer has the queue until the bench swaps them. */
    private static final String JBOSS_EJB3_XML =
            """
            <jboss:ejb-jar xmlns:jboss="http://www.jboss.com/xml/ns/javaee" xmlns="https://jakarta.ee/xml/ns/jakartaee"
                           xmlns:d="urn:delivery-active:1.1" version="4.0" impl-version="2.0">
                <assembly-descriptor>
                    <d:delivery>
                        <ejb-name>StoredBaselineConsumer</ejb-name>
                        <d:active>false</d:active>
                    </d:delivery>
                </assembly-descriptor>
            </jboss:ejb-jar>
            """;

    /** The product's datasource and JPA provider, as the product's persistence unit sets them. */
    private static final String PERSISTENCE_XML =
            """
            <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
                <persistence-unit name="bench-baseline" transaction-type="JTA">
                    <provider>org.eclipse.persistence.jpa.PersistenceProvider</provider>
                    <jta-data-source>java:jboss/datasources/SmsTrackerDS</jta-data-source>
                    <class>dev.smstrack.bench.baseline.BaselineRow</class>
                    <exclude-unlisted-classes>true</exclude-unlisted-classes>
                    <shared-cache-mode>NONE</shared-cache-mode>
                    <properties>
                        <property name="jboss.as.jpa.providerModule" value="org.eclipse.persistence"/>
                        <property name="eclipselink.jdbc.batch-writing" value="JDBC"/>
                    </properties>
                </persistence-unit>
            </persistence>
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
                            RequestBodySettings.class,
                            QueueLists.class,
                            QueueLists.Reader.class,
                            ListCommit.class,
                            ListCommit.Failure.class,
                            PhoneNumbers.class)
                    .addClass(NonBlockingBodyReader.class.getPackageName() + ".ReadBodyRequest") // package-private
                    .addAsResource(new StringAsset(PERSISTENCE_XML), "META-INF/persistence.xml")
                    .addAsWebInfResource(new StringAsset(JBOSS_EJB3_XML), "jboss-ejb3.xml")
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
