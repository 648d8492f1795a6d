package org.tidings.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tidings.Tidings;
import org.tidings.mail.InboundReader;
import org.tidings.mail.InboundSink;
import org.tidings.model.EmailAddress;
import org.tidings.model.InboundReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tidings inbound FILE|-}: one raw message that reached {@code mail.bounce-address}, as a
 * Postfix pipe transport or procmail hands it over. Exit 0 when it was handled or ignored (the MTA
 * may drop it), 75 ({@code EX_TEMPFAIL} of sysexits.h) when Tidings could not act on it now: Postfix
 * then keeps the message and tries again later, where any other code would bounce it.
 */
@Command(name = "inbound", mixinStandardHelpOptions = true,
        description = "Process one message that came back to mail.bounce-address (bounce, complaint, unsubscribe),"
                + " from FILE or - (standard input), as a Postfix pipe or procmail delivers it.")
final class InboundCommand implements Callable<Integer> {
    static final int TRY_AGAIN_LATER = 75;

    @ParentCommand
    TidingsCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|-", description = "The raw message (RFC 5322), or - for standard input.")
    String source;

    @Option(names = "--recipient", paramLabel = "ADDRESS",
            description = "The envelope recipient the MTA delivered to (Postfix: ${recipient}).")
    String recipient;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Everything, the opening of the database included, fails into "try again later": a message
        // is never lost because Tidings was down or misconfigured when it arrived.
        try (Tidings t = root.open()) {
            EmailAddress bounce = t.config().deliverability().bounceAddress();
            if (bounce == null) {
                err.println("tidings: mail.bounce-address is not set, so no mail Tidings sent points here;"
                        + " set it, then the MTA's retry will be processed");
                return TRY_AGAIN_LATER;
            }
            InboundReport report = read(new InboundReader(bounce));
            InboundSink.Verdict verdict = t.mailFeedback().accept(report);
            out.println(verdict.name().toLowerCase(Locale.ROOT) + ": " + describe(report));
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("tidings: could not process the message, try again later: " + e.getMessage());
            return TRY_AGAIN_LATER;
        }
    }

    private InboundReport read(InboundReader reader) throws IOException {
        if ("-".equals(source)) {
            return reader.read(System.in, recipient);
        }
        try (InputStream in = Files.newInputStream(root.workingDir().resolve(source))) {
            return reader.read(in, recipient);
        }
    }

    private static String describe(InboundReport r) {
        StringBuilder s = new StringBuilder(r.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        if (r.status() != null) {
            s.append(' ').append(r.status());
        }
        if (r.diagnostic() != null) {
            s.append(" (").append(r.diagnostic()).append(')');
        }
        return s.toString();
    }
}
