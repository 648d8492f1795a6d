package org.tidings.publish;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergedFeedWriterTest {
    /** Records whether the writer closed a stream it does not own. */
    private static final class ClosableSink extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void leavesTheCallersStreamOpenInEveryFormat() {
        for (MergedFeedFormat format : MergedFeedFormat.values()) {
            ClosableSink out = new ClosableSink();

            new MergedFeedWriter(SampleArticles.CLOCK).write(SampleArticles.INFO, List.of(), format, out);

            assertFalse(out.closed, format.name());
            assertTrue(out.size() > 0, format.name());
        }
    }
}
