package org.tidings.schedule;

import java.util.function.BooleanSupplier;

/** Set when the scheduler asks a running job to stop; the job's work reads it between feeds or messages. */
final class StopFlag implements BooleanSupplier {
    private volatile boolean raised;

    void raise() {
        raised = true;
    }

    @Override
    public boolean getAsBoolean() {
        return raised;
    }
}
