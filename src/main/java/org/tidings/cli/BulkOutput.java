package org.tidings.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Standard output for a command that prints a long list: buffered, since picocli's writer flushes
 * at every line (100,000 subscribers, 100,000 writes), and JSON written as it is read, with
 * jackson-core's generator rather than a tree (and without loading jackson-databind at all).
 */
final class BulkOutput {
    private BulkOutput() {
    }

    /** The command's output behind a 64 KiB buffer; the caller flushes it when done. */
    static PrintWriter buffered(CommandSpec spec) {
        return new PrintWriter(new BufferedWriter(spec.commandLine().getOut(), 1 << 16), false);
    }

    /**
     * Indented as Jackson's default pretty printer does; flushing it flushes {@code out}. Its factory
     * is made here, once per command, rather than kept: a table would pay 20 ms of start-up for it.
     */
    static JsonGenerator json(Writer out) throws IOException {
        return new JsonFactory().createGenerator(out).useDefaultPrettyPrinter();
    }
}
