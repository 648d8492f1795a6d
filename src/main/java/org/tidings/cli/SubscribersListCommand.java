package org.tidings.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.tidings.Tidings;
import org.tidings.model.Subscriber;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tidings subscribers list}; reads in pages, so it streams any number of subscribers. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List subscribers.")
final class SubscribersListCommand implements Callable<Integer> {
    private static final int PAGE = 1000;

    @ParentCommand
    SubscribersCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
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
        JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out).useDefaultPrettyPrinter();
        g.writeStartArray();
        long after = 0;
        for (List<Subscriber> page; !(page = t.subscribers().page(after, PAGE)).isEmpty(); ) {
            for (Subscriber s : page) {
                g.writeStartObject();
                g.writeStringField("email", s.email() == null ? null : s.email().value());
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
            after = page.get(page.size() - 1).id();
        }
        g.writeEndArray();
        g.flush();
        out.println();
    }

    private static void table(Tidings t, PrintWriter out) {
        out.printf("%-40s %-12s %-20s %s%n", "EMAIL", "STATUS", "CATEGORIES", "NAME");
        long after = 0;
        for (List<Subscriber> page; !(page = t.subscribers().page(after, PAGE)).isEmpty(); ) {
            for (Subscriber s : page) {
                out.printf("%-40s %-12s %-20s %s%n", s.email(), s.status().code(),
                        s.categories().isEmpty() ? "(all)" : String.join(",", s.categories()),
                        s.name() == null ? "" : s.name());
            }
            after = page.get(page.size() - 1).id();
        }
        java.util.Map<org.tidings.model.SubscriberStatus, Long> counts = t.subscribers().countsByStatus();
        out.println(counts.values().stream().mapToLong(Long::longValue).sum() + " subscribers: "
                + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().code())
                        .collect(java.util.stream.Collectors.joining(", ")));
    }

    private static String iso(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t);
    }
}
