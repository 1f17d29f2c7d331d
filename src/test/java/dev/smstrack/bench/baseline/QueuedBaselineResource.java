package dev.smstrack.bench.baseline;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Reads the body, queues it as a persistent JMS message and answers 200 once the broker has it on
 * disk: what the server's durable hand-off costs before the product checks or reads anything.
 */
@Path("queued")
@RequestScoped // a CDI bean, so that the JMS context is injected in a WAR without beans.xml
public class QueuedBaselineResource {

    public static final String QUEUE = "java:/jms/queue/SmsTrackerBenchBaseline";

    @Inject
    JMSContext jms;

    @Resource(lookup = QUEUE)
    Queue queue;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response receive(byte[] body) {
        jms.createProducer().send(queue, body);
        return Response.ok().build();
    }

    /** How many messages {@link QueuedBaselineConsumer} took since the deployment. */
    @GET
    @Path("consumed")
    public long consumed() {
        return QueuedBaselineConsumer.CONSUMED.get();
    }
}
