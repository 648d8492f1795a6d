package org.tidings.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as an InputStream whose reads give up at the fetch's {@link Deadline}.
 * The JDK's {@code BodySubscribers.ofInputStream()} blocks without a timeout, so a server that
 * trickles bytes forever would hold a fetch forever. Buffers are requested one list at a time,
 * so at most two lists are held whatever the server sends. Closing before the end cancels the
 * subscription, which makes the client drop the connection instead of reading the rest.
 */
final class BodyStream extends InputStream implements HttpResponse.BodySubscriber<BodyStream> {
    private static final List<ByteBuffer> END = List.of();

    private final BlockingQueue<List<ByteBuffer>> arrivals = new LinkedBlockingQueue<>();
    private final Deadline deadline;
    private Flow.Subscription subscription;
    private boolean closed;
    private volatile Throwable failure;
    private volatile boolean delivered;
    private Iterator<ByteBuffer> pending = Collections.emptyIterator();
    private ByteBuffer current;
    private boolean ended;

    BodyStream(Deadline deadline) {
        this.deadline = deadline;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        synchronized (this) {
            if (!closed) {
                subscription = s;
                s.request(1);
                return;
            }
        }
        s.cancel();
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        arrivals.offer(buffers);
    }

    @Override
    public void onError(Throwable error) {
        failure = error;
        delivered = true;
        arrivals.offer(END);
    }

    @Override
    public void onComplete() {
        delivered = true;
        arrivals.offer(END);
    }

    @Override
    public CompletionStage<BodyStream> getBody() {
        return CompletableFuture.completedStage(this);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        ByteBuffer buffer = nextBuffer();
        if (buffer == null) {
            return -1;
        }
        int n = Math.min(length, buffer.remaining());
        buffer.get(into, offset, n);
        return n;
    }

    private ByteBuffer nextBuffer() throws IOException {
        while (current == null || !current.hasRemaining()) {
            if (pending.hasNext()) {
                current = pending.next();
            } else if (ended) {
                return null;
            } else {
                takeNextList();
            }
        }
        return current;
    }

    private void takeNextList() throws IOException {
        List<ByteBuffer> next;
        try {
            next = arrivals.poll(Math.max(0, deadline.remainingNanos()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
        if (next == null) {
            throw deadline.expired();
        }
        if (next == END) {
            ended = true;
            if (failure != null) {
                throw failure instanceof IOException io ? io : new IOException(failure);
            }
            return;
        }
        pending = next.iterator();
        requestMore();
    }

    private synchronized void requestMore() {
        if (!closed) {
            subscription.request(1);
        }
    }

    @Override
    public void close() {
        Flow.Subscription s;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            s = subscription;
        }
        // Once the client has delivered everything (a 304 has no body to read), there is nothing
        // to cancel, and cancelling anyway could cost the connection.
        if (s != null && !delivered) {
            s.cancel();
        }
    }
}
