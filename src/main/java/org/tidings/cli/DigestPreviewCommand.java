package org.tidings.cli;

import java.util.concurrent.Callable;
import org.tidings.Tidings;
import org.tidings.digest.IssueContents;
import org.tidings.model.Digest;
import org.tidings.model.EmailAddress;
import org.tidings.model.Subscriber;
import org.tidings.newsletter.IssueSender;
import org.tidings.render.RenderedEmail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tidings digest preview}: a subscriber's digest of the coming issue, without sending. */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Print a subscriber's digest for the coming issue, without sending anything.")
final class DigestPreviewCommand implements Callable<Integer> {
    @ParentCommand
    DigestCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--subscriber", paramLabel = "EMAIL",
            description = "Whose digest (default: a reader of every category).")
    String subscriber;

    @Option(names = "--format", defaultValue = "text", description = "html or text (default: ${DEFAULT-VALUE}).")
    PreviewFormat format;

    /** The two bodies of a digest email. */
    enum PreviewFormat {
        html, text
    }

    @Override
    public Integer call() {
        try (Tidings t = parent.root.open()) {
            IssueSender sender = new IssueSender(t.newsletter());
            Subscriber s = subscriber == null ? sender.sampleReader() : t.subscribers().findByEmail(EmailAddress.parse(subscriber))
                    .orElseThrow(() -> new IllegalArgumentException("no subscriber " + subscriber));
            IssueContents contents = sender.preview();
            Digest digest = contents.forSubscriber(s);
            if (digest.isEmpty()) {
                spec.commandLine().getErr().println("Nothing new for " + s.email() + " in the coming issue.");
                return 0;
            }
            RenderedEmail email = t.newsletter().digestRenderer().render(digest, s);
            spec.commandLine().getOut().println(format == PreviewFormat.html ? email.html() : email.text());
            return 0;
        }
    }
}
