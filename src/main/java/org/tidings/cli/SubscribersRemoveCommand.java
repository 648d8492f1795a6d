package org.tidings.cli;

import java.util.concurrent.Callable;
import org.tidings.Tidings;
import org.tidings.model.EmailAddress;
import org.tidings.model.Subscriber;
import org.tidings.model.SubscriberStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tidings subscribers remove EMAIL}: unsubscribes. The record is kept, so the address is
 * never mailed again unless it signs up anew.
 */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Unsubscribe an address (the record is kept so it is never mailed again).")
final class SubscribersRemoveCommand implements Callable<Integer> {
    @ParentCommand
    SubscribersCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EMAIL", description = "The email address.")
    String email;

    @Override
    public Integer call() {
        try (Tidings t = parent.root.open()) {
            EmailAddress address = EmailAddress.parse(email);
            Subscriber s = t.subscribers().findByEmail(address)
                    .orElseThrow(() -> new IllegalArgumentException("no subscriber " + address));
            t.subscribers().setStatus(s.id(), SubscriberStatus.UNSUBSCRIBED, t.clock().instant());
            spec.commandLine().getOut().println("Unsubscribed " + address);
            return 0;
        }
    }
}
