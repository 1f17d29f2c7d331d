package dev.smstrack.platform.web;

import dev.smstrack.platform.ByteBudget;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Reads every request body whole before the application sees it, without holding a request thread
 * while the bytes arrive: the servlet container reads them as they come, and only a complete body is
 * dispatched to a thread. So a client that trickles its body takes no thread that others need.
 *
 * <p>A body must be complete within {@link RequestBodySettings#deadlineSeconds} of its headers (the listener cuts off
 * headers after 10 s, so a connection ends within 30 s of its first byte at the defaults): else 503
 * with {@code Retry-After}, so that Sinch sends a genuine callback again, and the connection is
 * closed. The bodies being read share a budget of {@link RequestBodySettings#budgetBytes}, so that
 * many slow uploads cannot fill the heap: past it, 503 with {@code Retry-After}, which Sinch retries.
 * A body declared larger than {@value #LARGEST_BODY} bytes is not read here: the listener's
 * {@code max-post-size} and the resource's own limit refuse it.
 */
public class NonBlockingBodyReader extends HttpFilter {

    /** The listener's max-post-size (wildfly-config/sms-tracker.cli). */
    static final int LARGEST_BODY = 4 * 1024 * 1024;

    private static final String BODY = NonBlockingBodyReader.class.getName() + ".body";
    private static final Logger LOG = Logger.getLogger(NonBlockingBodyReader.class.getName());

    @Inject
    @ConfigProperties
    RequestBodySettings settings;

    private ByteBudget budget;

    @Override
    public void init() {
        budget = new ByteBudget(settings.budgetBytes);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ASYNC && request.getAttribute(BODY) instanceof byte[] body) {
            request.removeAttribute(BODY);
            chain.doFilter(new ReadBodyRequest(request, body), response);
        } else if (request.getDispatcherType() != DispatcherType.REQUEST
                || !hasBody(request)
                || request.getContentLengthLong() > LARGEST_BODY) {
            chain.doFilter(request, response);
        } else {
            AsyncContext async = request.startAsync(request, response);
            async.setTimeout(settings.deadlineSeconds * 1000L);
            var reading = new Reading(async, request.getInputStream());
            async.addListener(reading);
            request.getInputStream().setReadListener(reading);
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** One body as it arrives; whichever ends it first (complete, deadline, error) ends it once. */
    private final class Reading implements ReadListener, AsyncListener {

        private final AsyncContext async;
        private final ServletInputStream in;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final byte[] chunk = new byte[8192];
        private final AtomicBoolean ended = new AtomicBoolean();
        private long reserved;

        Reading(AsyncContext async, ServletInputStream in) {
            this.async = async;
            this.in = in;
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (in.isReady() && !ended.get()) {
                int read = in.read(chunk);
                if (read < 0) {
                    return; // onAllDataRead follows
                }
                if (!budget.reserve(read)) {
                    answer(
                            Response.Status.SERVICE_UNAVAILABLE,
                            "too many request bodies are being read at once; retry later");
                    return;
                }
                reserved += read;
                body.write(chunk, 0, read);
            }
        }

        @Override
        public void onAllDataRead() {
            if (ended.compareAndSet(false, true)) {
                budget.release(reserved);
                async.getRequest().setAttribute(BODY, body.toByteArray());
                async.dispatch();
            }
        }

        @Override
        public void onError(Throwable failure) {
            // The listener's max-post-size, or a client gone: neither is ours to log as an error.
            LOG.fine(() -> "Reading a request body failed: " + failure);
            answer(
                    Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "the body could not be read whole: larger than the server takes, or cut off");
        }

        /** 503, not 408: Sinch drops a callback for good on any 4xx but 429, and retries a 5xx. */
        @Override
        public void onTimeout(AsyncEvent event) {
            answer(
                    Response.Status.SERVICE_UNAVAILABLE,
                    "the body did not arrive whole within " + settings.deadlineSeconds
                            + " s of the headers; send it again");
        }

        /**
         * Answers in place of the application and closes the connection, with the rest unread; a 503
         * with {@code Retry-After}, as every transient refusal of the product.
         */
        private void answer(Response.Status status, String detail) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            budget.release(reserved);
            var response = (HttpServletResponse) async.getResponse();
            RequestIds.enterLogContext((HttpServletRequest) async.getRequest());
            try {
                boolean retryable = status == Response.Status.SERVICE_UNAVAILABLE;
                var problem = retryable
                        ? Problem.of(status, "temporarily-unavailable", "temporarily unavailable", detail)
                        : Problem.ofStatus(status, detail);
                response.setHeader("Connection", "close");
                if (retryable) {
                    response.setHeader("Retry-After", TemporarilyUnavailableMapper.RETRY_AFTER_SECONDS);
                }
                problem.writeTo(response);
            } catch (IOException | IllegalStateException gone) {
                LOG.fine(() -> "Could not answer a request whose body was not read: " + gone);
            } finally {
                RequestIds.clearLogContext();
                async.complete();
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {}

        @Override
        public void onError(AsyncEvent event) {
            answer(Response.Status.BAD_REQUEST, "the connection failed while the body was read");
        }

        @Override
        public void onStartAsync(AsyncEvent event) {}
    }
}
