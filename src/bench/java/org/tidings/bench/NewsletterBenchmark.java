package org.tidings.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.tidings.Tidings;
import org.tidings.config.DeliverabilityConfig;
import org.tidings.config.DigestConfig;
import org.tidings.config.FetchConfig;
import org.tidings.config.MailConfig;
import org.tidings.config.ScheduleConfig;
import org.tidings.config.SmtpConfig;
import org.tidings.config.TidingsConfig;
import org.tidings.config.WebConfig;
import org.tidings.digest.IssueContents;
import org.tidings.digest.IssuePlan;
import org.tidings.mail.BenchComposer;
import org.tidings.model.Digest;
import org.tidings.model.EmailAddress;
import org.tidings.model.Issue;
import org.tidings.model.Subscriber;
import org.tidings.model.SubscriberStatus;
import org.tidings.newsletter.IssueSender;
import org.tidings.newsletter.MessageFactory;
import org.tidings.newsletter.NewsletterParts;
import org.tidings.newsletter.SendReport;

/**
 * The newsletter benchmark of the README, in one run against a local SMTP sink that discards:
 * rendering (complete MIME messages per second on one thread), the naive baseline (Jakarta Mail's
 * {@code Transport.send}, a new connection per message), delivery ({@code digest send} end to end,
 * ledger included, {@code mail.concurrency} 2) and the ceiling ({@code smtp-source} with as many
 * messages of the same size over 2 sessions). Run with {@code mvn -q -Pbench verify -DskipTests}.
 *
 * <p>System properties: {@code bench.subscribers} (10000; 100000 with -Xmx256m is the memory check),
 * {@code bench.articles} (300), {@code bench.feeds} (10), {@code bench.naive} (2000 messages),
 * {@code bench.dkim} (none, rsa or ed25519).
 */
public final class NewsletterBenchmark {
    private static final int CONCURRENCY = 2;
    private static final int PAGE = 500;
    private static final int RENDER_MAX = 10_000;
    private static final int WARM_UP = 2_000;
    private static final EmailAddress FROM = EmailAddress.parse("news@tidings.example.org");

    private NewsletterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int subscribers = Integer.getInteger("bench.subscribers", 10_000);
        int articles = Integer.getInteger("bench.articles", 300);
        int feeds = Integer.getInteger("bench.feeds", 10);
        int naive = Math.min(subscribers, Integer.getInteger("bench.naive", 2_000));
        Path work = Path.of("target", "bench", "newsletter");
        BenchFiles.deleteTree(work);
        Files.createDirectories(work);
        System.out.printf("newsletter: %d active subscribers, %d articles in %d feeds; max heap %d MB, %d cores%n",
                subscribers, articles, feeds, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());

        try (SmtpSink sink = SmtpSink.start(work.resolve("smtp-sink.log"))) {
            System.out.println("sink: " + sink.describe());
            TidingsConfig config = config(work.resolve("data"), sink.port(), deliverability(work));
            try (Tidings t = Tidings.open(config, Clock.systemUTC())) {
                seed(t, feeds, articles, subscribers);
                Figures f = new Figures();
                render(t, config.mail(), Math.min(subscribers, RENDER_MAX), f);
                naive(t, config.mail(), naive, f);
                deliver(t, subscribers, sink, f);
                ceiling(sink.port(), subscribers, work, f);
                f.printRatios();
            }
        }
    }

    /** What the ratios are computed from. */
    private static final class Figures {
        long averageBytes;
        double render;
        double naive;
        double delivery;
        OptionalDouble ceiling = OptionalDouble.empty();

        void printRatios() {
            if (ceiling.isPresent()) {
                System.out.printf("ratio delivery / ceiling: %.2fx (target at least 0.5x)%n", delivery
                        / ceiling.getAsDouble());
            }
            System.out.printf("ratio delivery / naive: %.1fx%n", delivery / naive);
            System.out.printf("ratio render / target 2000 messages/s: %.2fx%n", render / 2000);
        }
    }

    /**
     * {@code bench.dkim}: none (default), rsa (2048 bits) or ed25519; a fresh key in the work folder,
     * so that render and delivery sign every message as a configured Tidings does.
     */
    private static DeliverabilityConfig deliverability(Path work) throws IOException {
        String type = System.getProperty("bench.dkim", "none");
        if (type.equals("none")) {
            return DeliverabilityConfig.none();
        }
        KeyPairGenerator generator;
        try {
            generator = KeyPairGenerator.getInstance(type.equals("rsa") ? "RSA" : "Ed25519");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("bench.dkim must be none, rsa or ed25519, got " + type, e);
        }
        if (type.equals("rsa")) {
            generator.initialize(2048);
        }
        Path key = work.resolve("dkim-" + type + ".pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        System.out.printf("DKIM: every message signed with a fresh %s key%n", type);
        return new DeliverabilityConfig(new DeliverabilityConfig.DkimConfig("tidings.example.org", "bench", key), null,
                DeliverabilityConfig.DEFAULT_SOFT_BOUNCE_LIMIT, null);
    }

    private static TidingsConfig config(Path data, int port, DeliverabilityConfig deliverability) {
        MailConfig mail = new MailConfig("smtp", FROM, "Tidings Wöchentlich", null,
                new SmtpConfig("127.0.0.1", port, "none", null, null), CONCURRENCY, 0, 100, 5, Duration.ofSeconds(30));
        DigestConfig digest = new DigestConfig("Tidings", ZoneOffset.UTC, 10, 300, Path.of("templates").toAbsolutePath());
        return new TidingsConfig(data, BenchDatabase.config(data), data, TidingsConfig.DEFAULT_PUBLIC_URL,
                FetchConfig.defaults(), mail, digest, ScheduleConfig.defaults(),
                WebConfig.defaults(), TidingsConfig.forDataDir(data).admin(), deliverability);
    }

    private static void seed(Tidings t, int feeds, int articles, int subscribers) {
        long start = System.nanoTime();
        Instant now = t.clock().instant();
        NewsletterData.articles(t, NewsletterData.feeds(t, feeds, now), articles, now);
        NewsletterData.subscribers(t, subscribers, now);
        System.out.printf("setup: %d feeds, %d articles, %d subscribers stored in %.1f s%n", feeds, t.articles().count(),
                subscribers, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Per subscriber, as {@code Delivery} does it: their digest, rendered, addressed by
     * {@code MessageFactory}, composed and written out as MIME. Subscribers are read in pages
     * outside the timed part; after a warm-up, one thread.
     */
    private static void render(Tidings t, MailConfig mail, int count, Figures f) throws IOException {
        NewsletterParts parts = t.newsletter();
        IssueContents contents = contents(parts);
        BenchComposer composer = new BenchComposer(mail, t.clock(), t.dkimKey());
        System.out.printf("issue: %d articles in a full digest (digest.max-per-feed %d)%n",
                contents.everything().articleCount(), parts.digest().maxPerFeed());
        renderPass(t, parts, contents, composer, Math.min(count, WARM_UP));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long[] result = renderPass(t, parts, contents, composer, count);
        double seconds = result[0] / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        f.averageBytes = result[2] / result[1];
        f.render = result[1] / seconds;
        System.out.printf("render (1 thread: forSubscriber + DigestRenderer.render + MIME bytes): %d messages in %.2f s"
                + " = %.0f messages/s, %.0f per CPU-second%n", result[1], seconds, f.render, result[1] / cpu);
        System.out.printf("message size: average %.1f KB (%d bytes) of MIME%n", f.averageBytes / 1024.0,
                f.averageBytes);
    }

    /** @return {nanoseconds spent rendering, messages, bytes} */
    private static long[] renderPass(Tidings t, NewsletterParts parts, IssueContents contents, BenchComposer composer,
            int count) throws IOException {
        MessageFactory factory = MessageFactory.of(parts);
        long nanos = 0;
        long messages = 0;
        long bytes = 0;
        long after = 0;
        OutputStream nowhere = OutputStream.nullOutputStream();
        while (messages < count) {
            List<Subscriber> page = t.subscriberList().page(after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            long start = System.nanoTime();
            for (Subscriber s : page) {
                if (messages == count || s.status() != SubscriberStatus.ACTIVE) {
                    continue;
                }
                Digest digest = contents.forSubscriber(s);
                if (!digest.isEmpty()) {
                    bytes += composer.write(factory.digest(digest.issue(), s, parts.digestRenderer().render(digest, s)),
                            nowhere);
                    messages++;
                }
            }
            nanos += System.nanoTime() - start;
            after = page.get(page.size() - 1).id();
        }
        return new long[] {nanos, messages, bytes};
    }

    /** Same work per message as a delivery, then {@code Transport.send}: connect, EHLO, send, QUIT. */
    private static void naive(Tidings t, MailConfig mail, int count, Figures f) throws IOException {
        NewsletterParts parts = t.newsletter();
        IssueContents contents = contents(parts);
        BenchComposer composer = new BenchComposer(mail, t.clock(), t.dkimKey());
        MessageFactory factory = MessageFactory.of(parts);
        List<Subscriber> subscribers = t.subscriberList().page(0, count);
        long start = System.nanoTime();
        for (Subscriber s : subscribers) {
            Digest digest = contents.forSubscriber(s);
            composer.sendOnNewConnection(factory.digest(digest.issue(), s,
                    parts.digestRenderer().render(digest, s)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        f.naive = subscribers.size() / seconds;
        System.out.printf("naive baseline (Transport.send, new connection per message, 1 thread): %d messages in %.2f s"
                + " = %.0f messages/s%n", subscribers.size(), seconds, f.naive);
    }

    private static void deliver(Tidings t, int expected, SmtpSink sink, Figures f) throws Exception {
        long acceptedBefore = sink.accepted();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        HeapWatch heap = HeapWatch.start();
        SendReport report = new IssueSender(t.newsletter()).send();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpuStart) / 1e9;
        heap.stop();
        f.delivery = report.sent() / seconds;
        System.out.printf("delivery (IssueSender.send end to end, ledger included, mail.concurrency %d):"
                + " %d messages in %.2f s = %.0f messages/s; process CPU %.1f s (%.1f cores busy)%n", CONCURRENCY,
                report.sent(), seconds, f.delivery, cpu, cpu / seconds);
        System.out.printf("heap: at most %d MB in use after a GC during the send; %d MB after it and a full GC;"
                + " -Xmx %d MB%n", heap.maxAfterGc() >> 20, HeapWatch.liveNow() >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("report: " + report.describe());
        if (sink.accepted() >= 0) {
            System.out.println("sink accepted: " + (sink.accepted() - acceptedBefore));
        }
        if (report.sent() != expected) {
            throw new IllegalStateException("expected " + expected + " sent, got: " + report.describe());
        }
    }

    private static void ceiling(int port, int messages, Path work, Figures f) throws Exception {
        List<String> command = SmtpSourceCeiling.command(port, messages, CONCURRENCY, f.averageBytes);
        f.ceiling = SmtpSourceCeiling.run(command, messages, work.resolve("smtp-source.log"));
        if (f.ceiling.isEmpty()) {
            System.out.println("ceiling: skipped, " + SmtpSourceCeiling.BINARY + " is not installed (apt-get install"
                    + " postfix)");
            return;
        }
        System.out.printf("ceiling (%s): %d messages = %.0f messages/s%n",
                String.join(" ", command).replace(SmtpSourceCeiling.BINARY.toString(), "smtp-source"), messages,
                f.ceiling.getAsDouble());
    }

    /** The contents the next issue will have, as {@code IssueSender} computes them. */
    private static IssueContents contents(NewsletterParts parts) {
        Instant now = parts.clock().instant();
        IssuePlan plan = IssuePlan.next(Optional.empty(), now, parts.digest().title(), parts.digest().zone());
        Issue issue = new Issue(0, 1, plan.periodStart(), plan.periodEnd(), plan.subject());
        return IssueContents.of(issue, parts.articles().firstSeenBetween(plan.periodStart(), plan.periodEnd()),
                parts.digest().maxPerFeed());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
