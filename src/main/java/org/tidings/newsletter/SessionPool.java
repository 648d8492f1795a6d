package org.tidings.newsletter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.tidings.mail.MailSession;
import org.tidings.mail.MailUnavailableException;
import org.tidings.mail.Mailer;

/**
 * At most {@code size} mail sessions (SMTP connections), lent to delivery workers one message at
 * a time. There are more workers than sessions, so digests are rendered while the connections
 * are busy sending: rendering is most of the CPU a message costs.
 */
final class SessionPool implements AutoCloseable {
    private final Mailer mailer;
    private final int size;
    private final BlockingQueue<MailSession> idle;
    private final List<MailSession> all = new ArrayList<>();

    SessionPool(Mailer mailer, int size) {
        this.mailer = mailer;
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(size);
    }

    /** An idle session, a new one while fewer than {@code size} exist, else the next one returned. */
    MailSession borrow() throws MailUnavailableException, InterruptedException {
        MailSession s = idle.poll();
        if (s != null) {
            return s;
        }
        synchronized (all) {
            if (all.size() < size) {
                MailSession opened = mailer.open();
                all.add(opened);
                return opened;
            }
        }
        return idle.take();
    }

    void release(MailSession s) {
        idle.add(s);
    }

    @Override
    public void close() {
        synchronized (all) {
            all.forEach(MailSession::close);
            all.clear();
        }
    }
}
