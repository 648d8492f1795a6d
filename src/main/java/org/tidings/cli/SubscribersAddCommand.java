package org.tidings.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.tidings.Tidings;
import org.tidings.subscribers.Confirmations;
import org.tidings.subscribers.Signup;
import org.tidings.subscribers.SignupRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tidings subscribers add EMAIL}. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Add a subscriber. Without --confirmed they are pending and get a confirmation email"
                + " (double opt-in). An address that bounced hard or complained is refused.")
final class SubscribersAddCommand implements Callable<Integer> {
    @ParentCommand
    SubscribersCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EMAIL", description = "The email address.")
    String email;

    @Option(names = "--name", description = "Display name.")
    String name;

    @Option(names = "--categories", split = ",", paramLabel = "a,b", description = "Categories wanted (default: all).")
    List<String> categories = List.of();

    @Option(names = "--confirmed", description = "Consent is known: active at once, no confirmation email.")
    boolean confirmed;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Tidings t = parent.root.open()) {
            Signup.Outcome o = new Signup(t.newsletter()).add(new SignupRequest(email, name, categories, confirmed),
                    Signup.Returning.RESUBSCRIBE);
            if (o.suppressed() != null) {
                spec.commandLine().getErr().println("tidings: " + o.refusal(email.strip()));
                return 1;
            }
            if (!o.changed()) {
                out.println("Already known: " + o.subscriber().email() + " (" + o.subscriber().status().code() + ")");
            } else {
                out.println((o.created() ? "Added " : "Subscribed anew: ") + o.subscriber().email() + " ("
                        + o.subscriber().status().code() + ")");
            }
            if (o.needsConfirmation()) {
                List<String> problems = new Confirmations(t.newsletter()).send(List.of(o.subscriber()));
                if (!problems.isEmpty()) {
                    spec.commandLine().getErr().println("tidings: " + problems.get(0));
                    return 1;
                }
                out.println("Confirmation email sent to " + o.subscriber().email());
            }
            return 0;
        }
    }
}
