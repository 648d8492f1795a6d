package org.tidings.cli;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * SIGTERM and Ctrl-C as a request to stop, so that {@code serve} can finish its work and exit 0;
 * a JVM left to its default would run shutdown hooks and exit 143. A second signal while
 * stopping exits at once: the person means it.
 */
final class StopSignals {
    private final CountDownLatch requested = new CountDownLatch(1);

    static StopSignals install() {
        StopSignals signals = new StopSignals();
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signals::received);
        }
        return signals;
    }

    private void received(Signal signal) {
        if (requested.getCount() == 0) {
            System.err.println("tidings: second SIG" + signal.getName() + ", exiting without waiting");
            Runtime.getRuntime().halt(128 + signal.getNumber());
        }
        requested.countDown();
    }

    void await() throws InterruptedException {
        requested.await();
    }
}
