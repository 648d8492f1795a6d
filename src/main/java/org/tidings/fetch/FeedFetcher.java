package org.tidings.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.tidings.config.FetchConfig;
import org.tidings.fetch.FetchResult.Failed;
import org.tidings.model.HttpValidators;

/**
 * Fetches feed URLs over one shared JDK HttpClient, so connections to a host are reused across
 * feeds. Conditional GET (RFC 9110 section 13), our own redirect following, a size cap and one
 * deadline for the whole fetch. Thread-safe: it holds no per-fetch state.
 */
public final class FeedFetcher implements AutoCloseable {
    private static final String ACCEPT = "application/atom+xml, application/rss+xml, application/feed+json, "
            + "application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8";

    private final FetchConfig config;
    private final ResponseReader responses;
    private final ExecutorService executor;
    private final HttpClient client;
    private volatile boolean closed;

    public FeedFetcher(FetchConfig config, Clock clock) {
        this.config = config;
        this.responses = new ResponseReader(config.maxBytes(), clock);
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "tidings-fetch");
            thread.setDaemon(true);
            return thread;
        });
        // Redirect.NEVER: the client would hide whether every hop was permanent (see RedirectTrail).
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.timeout())
                .executor(executor)
                .build();
    }

    /** Never throws for network or HTTP trouble: every outcome is a {@link FetchResult}. */
    public FetchResult fetch(URI url, HttpValidators validators) {
        Optional<String> problem = RedirectTrail.problemWith(url);
        if (problem.isPresent() || closed) {
            return new Failed(null, problem.orElse("fetcher closed"), null);
        }
        RedirectTrail trail = new RedirectTrail(url);
        try {
            return follow(trail, validators == null ? HttpValidators.NONE : validators,
                    Deadline.after(config.timeout()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed(trail.movedTo(), "interrupted", null);
        } catch (FetchProblem e) {
            return new Failed(trail.movedTo(), e.getMessage(), null);
        } catch (IOException e) {
            boolean interrupted = e instanceof InterruptedIOException && Thread.currentThread().isInterrupted();
            String reason = interrupted ? "interrupted" : FailureReason.of(e, trail.current(), config.timeout());
            return new Failed(trail.movedTo(), reason, null);
        } catch (IllegalArgumentException e) {
            return new Failed(trail.movedTo(), "invalid request for " + trail.current() + ": " + e.getMessage(), null);
        } catch (RejectedExecutionException e) {
            return new Failed(trail.movedTo(), "fetcher closed", null);
        }
    }

    private FetchResult follow(RedirectTrail trail, HttpValidators validators, Deadline deadline)
            throws IOException, InterruptedException {
        while (true) {
            HttpResponse<BodyStream> response = send(request(trail.current(), validators, deadline), deadline);
            try {
                int status = response.statusCode();
                if (!RedirectTrail.isRedirect(status)) {
                    return responses.read(trail, response);
                }
                Optional<String> refused = trail.follow(status, response.headers().firstValue("Location"));
                if (refused.isPresent()) {
                    return new Failed(trail.movedTo(), refused.get(), null);
                }
            } finally {
                // A body left unread (a redirect's, an error page, one over the cap) is not worth
                // draining: closing it makes the client drop that connection.
                response.body().close();
            }
        }
    }

    private HttpRequest request(URI url, HttpValidators validators, Deadline deadline) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET()
                .timeout(deadline.remaining())
                .header("User-Agent", config.userAgent())
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip, deflate");
        if (validators.etag() != null && !validators.etag().isBlank()) {
            request.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null && !validators.lastModified().isBlank()) {
            request.header("If-Modified-Since", validators.lastModified());
        }
        return request.build();
    }

    /** Waits for the headers no longer than the deadline; the body is read later, also bounded by it. */
    private HttpResponse<BodyStream> send(HttpRequest request, Deadline deadline)
            throws IOException, InterruptedException {
        if (deadline.remainingNanos() <= 0) {
            throw deadline.expired();
        }
        CompletableFuture<HttpResponse<BodyStream>> pending =
                client.sendAsync(request, info -> new BodyStream(deadline));
        try {
            return pending.get(Math.max(0, deadline.remainingNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abandon(pending);
            throw deadline.expired();
        } catch (InterruptedException e) {
            abandon(pending);
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** Cancels the exchange; if the headers won the race, closes the body so the connection is freed. */
    private static void abandon(CompletableFuture<HttpResponse<BodyStream>> pending) {
        pending.cancel(true);
        pending.thenAccept(response -> response.body().close());
    }

    /**
     * Stops the client's worker threads. JDK 17's HttpClient has no close(); its selector thread
     * ends once the client is unreachable.
     */
    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
    }
}
