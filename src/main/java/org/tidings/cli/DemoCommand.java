package org.tidings.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.tidings.Tidings;
import org.tidings.config.TidingsConfig;
import org.tidings.ingest.AddOutcome;
import org.tidings.ingest.AddRequest;
import org.tidings.newsletter.IssueSender;
import org.tidings.newsletter.SendReport;
import org.tidings.subscribers.Signup;
import org.tidings.subscribers.SignupRequest;
import org.tidings.publish.MergedFeedFormat;
import org.tidings.publish.MergedFeedInfo;
import org.tidings.publish.MergedFeedWriter;
import org.tidings.store.ArticleQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tidings demo}: the whole product offline in a fresh {@code demo-data} folder: sample
 * feeds served on loopback and ingested by the real fetcher, three subscribers, one issue
 * delivered (to .eml files unless SMTP is configured) and the merged feed written.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Show the whole product offline in a fresh demo-data folder, in under a minute.")
final class DemoCommand implements Callable<Integer> {
    static final String FOLDER = "demo-data";
    private static final String MARKER = ".tidings-demo";

    @ParentCommand
    TidingsCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = root.workingDir().resolve(FOLDER);
        fresh(dir);
        TidingsConfig base = root.config();
        TidingsConfig config = new TidingsConfig(dir, org.tidings.config.DatabaseConfig.h2File(dir), base.baseDir(),
                base.publicUrl(), base.fetch(), base.mail(), base.digest(), base.schedule(), base.web(),
                base.admin());
        try (DemoFeedServer server = new DemoFeedServer(); Tidings t = Tidings.open(config, Clock.systemUTC())) {
            out.println("1. Fetching the sample feeds from " + server.url(DemoFeedServer.SAMPLES.get(0)).resolve("/"));
            for (DemoFeedServer.Sample s : DemoFeedServer.SAMPLES) {
                AddOutcome o = t.feedAdder().add(new AddRequest(server.url(s), null, s.category(), true));
                out.println("   " + describe(o));
            }
            out.println("2. Adding three subscribers");
            Signup signup = new Signup(t.newsletter());
            for (SignupRequest r : List.of(
                    new SignupRequest("ana@example.org", "Ana Núñez", List.of(), true),
                    new SignupRequest("jean@example.fr", "Jean Dupré", List.of("Presse"), true),
                    new SignupRequest("lena@example.de", "Lena Groß", List.of("Presse", "Prensa"), true))) {
                out.println("   " + signup.add(r, Signup.Returning.RESUBSCRIBE).subscriber().email() + (r.categories().isEmpty() ? " (all)"
                        : " (" + String.join(", ", r.categories()) + ")"));
            }
            out.println("3. Sending the issue");
            SendReport report = new IssueSender(t.newsletter()).send();
            out.println("   " + report.describe());
            writeOutputs(t, dir, report.issueNumber());
            out.println("4. Done. Look at:");
            if (config.mail().transport().equals("file")) {
                out.println("   " + config.outboxDir() + "/   the emails, one .eml file each (open them in a mail client)");
            }
            out.println("   " + dir.resolve("issue-" + report.issueNumber() + ".html") + "   the web version of the issue");
            out.println("   " + dir.resolve("feed.atom") + ", feed.rss, feed.json   the merged feed");
            out.println("   java -jar target/tidings.jar --config " + FOLDER + "/tidings.properties feeds list"
                    + "   (or subscribers list, digest preview)");
            return 0;
        }
    }

    private static String describe(AddOutcome o) {
        if (o instanceof AddOutcome.Added a) {
            return a.feed().displayTitle() + ": " + a.articles() + " articles";
        }
        return o instanceof AddOutcome.Refused r ? "refused: " + r.reason() : "already there";
    }

    private void writeOutputs(Tidings t, Path dir, int issue) throws IOException {
        MergedFeedWriter writer = new MergedFeedWriter(t.clock());
        for (MergedFeedFormat f : MergedFeedFormat.values()) {
            MergedFeedInfo served = MergedFeedInfo.served(t.config().publicUrl(), f, null);
            MergedFeedInfo info = new MergedFeedInfo("Tidings demo", served.homeUrl(), served.selfUrl(),
                    "The demo's merged feed");
            try (OutputStream os = Files.newOutputStream(dir.resolve(f.fileName()))) {
                writer.write(info, t.articles().newest(new ArticleQuery(null, 50)), f, os);
            }
        }
        if (issue > 0) {
            Files.writeString(dir.resolve("issue-" + issue + ".html"),
                    t.newsletter().issues().webHtml(issue).orElse(""), StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("tidings.properties"), "# The demo's settings: its data is this folder.\n"
                + "data.dir=.\n", StandardCharsets.UTF_8);
    }

    /** Empties the demo folder, but never a folder the demo did not create. */
    private static void fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            if (!Files.exists(dir.resolve(MARKER))) {
                throw new IllegalStateException(dir + " exists and was not made by the demo; move it away first");
            }
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MARKER), "made by tidings demo\n");
    }
}
