package dev.smstrack.sending;

import dev.smstrack.sending.api.DryRunResult;
import dev.smstrack.sending.api.InvalidSendRequestException;
import dev.smstrack.sending.api.NotPossibleNowException;
import dev.smstrack.sending.api.SendOptions;
import dev.smstrack.sending.api.SendRequest;
import dev.smstrack.sending.api.SendResult;
import dev.smstrack.sending.api.SendingLimitException;
import dev.smstrack.sending.api.SmsSending;
import dev.smstrack.sending.api.UnknownIdException;
import dev.smstrack.testing.TestUsers;
import jakarta.ejb.EJBAccessException;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.naming.Context;
import javax.naming.InitialContext;

/**
 * A plain Java client of the remote EJB, run in its own JVM with only WildFly's jboss-client.jar and
 * the product's client jar on its class path, exactly as the README tells other applications to.
 * Arguments: recipient, body, client reference (optional) to send; or {@code schedule} recipient body
 * sendAt (with feedback enabled), {@code cancel} requestId, {@code dry-run} recipient body, {@code
 * feedback} messageId. The application user in the system
 * properties {@code user} and {@code password} (none: the local user of the same machine). Prints what
 * it got, a line a fact.
 */
public final class RemoteSendClient {

    public static void main(String[] args) throws Exception {
        var environment = new Properties();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, "org.wildfly.naming.client.WildFlyInitialContextFactory");
        environment.put(Context.PROVIDER_URL, "remote+http://127.0.0.1:8080");
        if (System.getProperty("user") != null) {
            environment.put(Context.SECURITY_PRINCIPAL, System.getProperty("user"));
            environment.put(Context.SECURITY_CREDENTIALS, System.getProperty("password"));
        }
        var context = new InitialContext(environment);
        try {
            var sender = (SmsSending) context.lookup("ejb:/sms-tracker/SmsSender!" + SmsSending.class.getName());
            switch (args[0]) {
                case "schedule" -> print(sender.send(new SendRequest(List.of(args[1]), args[2], null, null, null)
                        .withOptions(SendOptions.NONE
                                .withSendAt(Instant.parse(args[3]))
                                .withFeedbackEnabled(true))));
                case "cancel" -> print(sender.cancel(args[1]));
                case "dry-run" -> {
                    DryRunResult dryRun = sender.dryRun(new SendRequest(List.of(args[1]), args[2], null, null, null));
                    System.out.println("DRYRUN " + dryRun.recipients() + " " + dryRun.messages());
                    dryRun.perRecipient()
                            .forEach(one -> System.out.println(
                                    "RECIPIENT " + one.recipient() + " " + one.encoding() + " " + one.parts()));
                }
                case "feedback" -> System.out.println("FEEDBACK " + sender.deliveryFeedback(args[1]));
                default -> print(sender.send(
                        new SendRequest(List.of(args[0]), args[1], null, args.length > 2 ? args[2] : null, null)));
            }
        } catch (UnknownIdException unknown) {
            System.out.println("UNKNOWN " + unknown.getMessage());
        } catch (NotPossibleNowException notNow) {
            System.out.println("NOTNOW " + notNow.getMessage());
        } catch (InvalidSendRequestException invalid) {
            System.out.println("INVALID " + invalid.field() + " " + invalid.getMessage());
        } catch (SendingLimitException limited) {
            System.out.println(
                    "LIMIT " + limited.limit() + " " + limited.retryAfterSeconds() + " " + limited.getMessage());
        } catch (EJBAccessException denied) {
            System.out.println("DENIED " + denied.getMessage());
        } finally {
            context.close();
        }
    }

    private static void print(SendResult result) {
        System.out.println("REQUEST " + result.requestId() + " " + result.status() + " " + result.sendAt());
        result.messages()
                .forEach(message -> System.out.println("MESSAGE " + message.id() + " " + message.recipient() + " "
                        + message.status() + " " + message.encoding() + " " + message.parts()));
    }

    /**
     * Runs this client in a JVM of its own as the user, or with no credentials (JBOSS-LOCAL-USER) for
     * null; returns the lines it printed, a fact each.
     */
    public static List<String> runAs(TestUsers user, String... arguments) throws Exception {
        String serverClient = System.getProperty("server.dir") + "/bin/client/jboss-client.jar";
        String classPath =
                String.join(File.pathSeparator, serverClient, System.getProperty("client.jar"), "target/test-classes");
        var command =
                new java.util.ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-cp", classPath));
        if (user != null) {
            command.addAll(List.of("-Duser=" + user.userName(), "-Dpassword=" + user.password()));
        }
        command.add(RemoteSendClient.class.getName());
        command.addAll(List.of(arguments));
        Process client = new ProcessBuilder(command).redirectErrorStream(false).start();
        if (!client.waitFor(60, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            throw new AssertionError("the remote client did not finish");
        }
        String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(client.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (client.exitValue() != 0) {
            throw new AssertionError("the remote client failed: " + out + err);
        }
        return out.lines()
                .filter(line -> line.matches(
                        "^(REQUEST|MESSAGE|INVALID|LIMIT|DENIED|UNKNOWN|NOTNOW|DRYRUN|RECIPIENT|FEEDBACK) .*"))
                .toList();
    }
}
