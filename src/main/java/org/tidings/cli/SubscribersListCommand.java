package org.tidings.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.tidings.Tidings;
import org.tidings.model.Subscriber;
import org.tidings.model.SubscriberStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tidings subscribers list}; streams any number of subscribers, a page read, a page written. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List subscribers.")
final class SubscribersListCommand implements Callable<Integer> {
    @ParentCommand
    SubscribersCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = BulkOutput.buffered(spec);
        try (Tidings t = parent.root.open()) {
            if (format == OutputFormat.json) {
                json(t, out);
            } else {
                table(t, out);
            }
            out.flush();
            return 0;
        }
    }

    private static void json(Tidings t, PrintWriter out) throws Exception {
        JsonGenerator g = BulkOutput.json(out);
        g.writeStartArray();
        t.subscriberList().forEach(s -> {
            try {
                write(g, s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        g.writeEndArray();
        g.flush();
        out.println();
    }

    private static void write(JsonGenerator g, Subscriber s) throws IOException {
        g.writeStartObject();
        g.writeStringField("email", s.email().value());
        g.writeStringField("name", s.name());
        g.writeStringField("status", s.status().code());
        g.writeArrayFieldStart("categories");
        for (String c : s.categories()) {
            g.writeString(c);
        }
        g.writeEndArray();
        g.writeStringField("created_at", iso(s.createdAt()));
        g.writeStringField("confirmed_at", iso(s.confirmedAt()));
        g.writeEndObject();
    }

    private static void table(Tidings t, PrintWriter out) {
        out.printf("%-40s %-12s %-20s %s%n", "EMAIL", "STATUS", "CATEGORIES", "NAME");
        t.subscriberList().forEach(s -> out.printf("%-40s %-12s %-20s %s%n", s.email(), s.status().code(),
                s.categories().isEmpty() ? "(all)" : String.join(",", s.categories()), s.name() == null ? "" : s.name()));
        Map<SubscriberStatus, Long> counts = t.subscribers().countsByStatus();
        out.println(counts.values().stream().mapToLong(Long::longValue).sum() + " subscribers: "
                + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().code())
                        .collect(Collectors.joining(", ")));
    }

    private static String iso(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t);
    }
}
