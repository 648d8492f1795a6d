package org.tidings;

import java.time.Clock;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.tidings.config.TidingsConfig;
import org.tidings.fetch.FeedFetcher;
import org.tidings.ingest.ClaimPolicy;
import org.tidings.ingest.FeedAdder;
import org.tidings.ingest.FeedIngester;
import org.tidings.ingest.FetchSchedule;
import org.tidings.ingest.IngestParts;
import org.tidings.ingest.IngestRun;
import org.tidings.ingest.RefreshRound;
import org.tidings.parse.FeedParser;
import org.tidings.store.AdminSessionStore;
import org.tidings.store.ArticleRetention;
import org.tidings.store.ClientAttempts;
import org.tidings.store.ArticleStore;
import org.tidings.store.ClaimTime;
import org.tidings.store.Database;
import org.tidings.store.DeliveryClaims;
import org.tidings.store.DeliveryStore;
import org.tidings.store.FeedClaims;
import org.tidings.store.FeedStore;
import org.tidings.store.FetchSlots;
import org.tidings.store.IssueStore;
import org.tidings.store.MailEventStore;
import org.tidings.store.SubscriberList;
import org.tidings.store.SubscriberStore;
import org.tidings.store.TombstonePurge;
import org.tidings.mail.DkimKey;
import org.tidings.mail.Mailers;
import org.tidings.mail.WireSize;
import org.tidings.metrics.Metrics;
import org.tidings.model.NodeId;
import org.tidings.model.PublicLinks;
import org.tidings.newsletter.DeliveryWorkers;
import org.tidings.newsletter.MailFeedback;
import org.tidings.newsletter.NewsletterParts;
import org.tidings.render.ConfirmRenderer;
import org.tidings.render.DigestRenderer;
import org.tidings.render.Templates;

/**
 * The composition root: the parts of Tidings, wired by hand, opened once per process. Three
 * lifetimes, said at each accessor: built with the root (the stores, cheap, over one pool); built
 * once on first use (the fetcher and the newsletter, which cost a command that does not need them
 * a quarter second each: an HTTP client, compiled templates); and built per use (an ingest run or
 * a feed adder, small orchestrators over the parts that are built once). Consumers get the parts
 * they use, not the root: see {@link WebWiring} for the web server's slices.
 */
public final class Tidings implements AutoCloseable {
    private final TidingsConfig config;
    private final Database database;
    private final Clock clock;
    private final FeedStore feeds;
    private final FeedClaims claims;
    private final FetchSlots slots;
    private final ArticleStore articles;
    private final SubscriberStore subscribers;
    private final SubscriberList subscriberList;
    private final IssueStore issues;
    private final DeliveryStore deliveries;
    /** On an H2 file one process sends at a time (serve's lock); on PostgreSQL the live nodes share. */
    private final DeliveryClaims deliveryClaims;
    private final ArticleRetention retention;
    private final TombstonePurge tombstonePurge;
    private final AdminSessionStore adminSessions;
    private final ClientAttempts clientAttempts;
    private final MailEventStore mailEvents;
    private final Metrics metrics;
    /** Read with the root, so that every command stops on a bad key, before any mail; null without mail.dkim.*. */
    private final DkimKey dkim;
    /** Built once on first use; see the class comment. */
    private FeedFetcher fetcher;
    private IngestParts ingestParts;
    private NewsletterParts newsletter;

    private Tidings(TidingsConfig config, Database database, DkimKey dkim, Clock clock, ClaimTime claimTime) {
        this.config = config;
        this.dkim = dkim;
        this.database = database;
        this.clock = clock;
        this.feeds = new FeedStore(database);
        this.claims = new FeedClaims(database, claimTime);
        // A fetch cannot outlast fetch.timeout; the margin covers a process paused between the statements.
        this.slots = new FetchSlots(database, config.fetch().perHost(), config.fetch().timeout().plusSeconds(30));
        this.articles = new ArticleStore(database);
        this.subscribers = new SubscriberStore(database);
        this.subscriberList = new SubscriberList(database);
        this.issues = new IssueStore(database);
        this.deliveries = new DeliveryStore(database);
        this.deliveryClaims = new DeliveryClaims(database, NodeId.self(), !config.db().shared());
        this.retention = new ArticleRetention(database);
        this.tombstonePurge = new TombstonePurge(database);
        this.adminSessions = new AdminSessionStore(database);
        this.clientAttempts = new ClientAttempts(database);
        this.mailEvents = new MailEventStore(database);
        this.metrics = new Metrics(feeds, mailEvents);
    }

    /** Claims of due feeds go by the database's time, the one time all processes on it share. */
    public static Tidings open(TidingsConfig config, Clock clock) {
        return open(config, clock, ClaimTime.database());
    }

    /** @param claimTime {@link ClaimTime#of} the clock when a test or simulation pins it */
    public static Tidings open(TidingsConfig config, Clock clock, ClaimTime claimTime) {
        // Each ingest worker holds a connection while it stores a feed, and each delivery thread
        // while it records a message; under serve both run at once, beside Quartz's own few. The
        // pool opens connections only as they are needed.
        int pool = config.db().poolSize().orElse(
                config.fetch().concurrency() + DeliveryWorkers.threads(config.mail().concurrency()) + 4);
        // Before the database, so that a bad key leaves nothing open behind its ConfigException.
        DkimKey dkim = config.deliverability().dkim() == null ? null : DkimKey.load(config.deliverability().dkim());
        return new Tidings(config, Database.open(config.db(), config.dataDir(), pool), dkim, clock, claimTime);
    }

    public TidingsConfig config() {
        return config;
    }

    public FeedStore feeds() {
        return feeds;
    }

    public ArticleStore articles() {
        return articles;
    }

    /** Per use, over the ingest parts built once. */
    public FeedAdder feedAdder() {
        return new FeedAdder(ingestParts());
    }

    /** Per use, over the ingest parts built once. */
    public IngestRun ingestRun() {
        return new IngestRun(new FeedIngester(ingestParts()), config.fetch().concurrency(), slots);
    }

    /** Per use, over the ingest parts built once. */
    public RefreshRound refreshRound() {
        return new RefreshRound(claims, ingestRun(), ClaimPolicy.of(config.fetch()));
    }

    public ArticleRetention retention() {
        return retention;
    }

    public TombstonePurge tombstonePurge() {
        return tombstonePurge;
    }

    private synchronized IngestParts ingestParts() {
        if (ingestParts == null) {
            fetcher = new FeedFetcher(config.fetch(), clock);
            ingestParts = new IngestParts(fetcher, new FeedParser(), feeds, articles, FetchSchedule.of(config.fetch(),
                    clock), clock, metrics);
        }
        return ingestParts;
    }

    /** The pool, for the scheduler's job store. */
    public DataSource dataSource() {
        return database.dataSource();
    }

    /** The newsletter's parts; the templates are compiled on first use, and a broken one stops the command. */
    public synchronized NewsletterParts newsletter() {
        if (newsletter == null) {
            Templates templates = Templates.load(config.digest().templatesDir());
            PublicLinks links = new PublicLinks(config.publicUrl());
            IntSupplier nodes = config.db().shared() ? new LiveNodes(dataSource(), clock) : () -> 1;
            newsletter = new NewsletterParts(articles(), subscribers, issues, deliveries, deliveryClaims,
                    new DigestRenderer(templates, config.digest(), links, WireSize::of),
                    new ConfirmRenderer(templates, config.digest(), links),
                    Mailers.create(config.mail(), config.outboxDir(), clock(), nodes, dkim), config.mail(),
                    config.deliverability().bounceAddress(), config.digest(),
                    links, clock(), metrics, nodes);
        }
        return newsletter;
    }

    /** The DKIM key that signs every message, or null when {@code mail.dkim.*} is not set. */
    public DkimKey dkimKey() {
        return dkim;
    }

    /** This process's meters, fed by ingest and the newsletter once started; /metrics shows them. */
    public Metrics metrics() {
        return metrics;
    }

    /** The pool and schema, for the web server's health check. */
    public Database database() {
        return database;
    }

    public IssueStore issues() {
        return issues;
    }

    /** The delivery ledger, without the newsletter's templates and mailer (for read-only reports). */
    public DeliveryStore deliveries() {
        return deliveries;
    }

    /** Who holds which deliveries, for status; the newsletter sends through the same. */
    public DeliveryClaims deliveryClaims() {
        return deliveryClaims;
    }

    public SubscriberStore subscribers() {
        return subscribers;
    }

    public SubscriberList subscriberList() {
        return subscriberList;
    }

    /** Bounces, complaints and unsubscribes by mail, recorded; the admin and /metrics read them. */
    public MailEventStore mailEvents() {
        return mailEvents;
    }

    /**
     * Per use: what acts on the reports read from the bounce mailbox or piped in by the MTA
     * ({@link org.tidings.mail.InboundSink}).
     */
    public MailFeedback mailFeedback() {
        return new MailFeedback(new MailFeedback.Parts(subscribers, issues, mailEvents,
                config.deliverability().softBounceLimit(), clock));
    }

    /** The admin's sessions, in the database so that every serve node and a restart keep them. */
    public AdminSessionStore adminSessions() {
        return adminSessions;
    }

    /** Attempts per client (sign-ups, admin logins), counted alike by every serve node. */
    public ClientAttempts clientAttempts() {
        return clientAttempts;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (fetcher != null) {
                fetcher.close();
            }
        }
        metrics.close();
        database.close();
    }
}
