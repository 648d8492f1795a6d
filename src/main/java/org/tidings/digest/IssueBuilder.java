package org.tidings.digest;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.tidings.config.DigestConfig;
import org.tidings.model.Digest;
import org.tidings.model.Issue;
import org.tidings.store.ArticleStore;
import org.tidings.store.IssueStore;
import org.tidings.store.NewIssue;
import org.tidings.store.PeriodLimits;

/**
 * Builds the next issue: its period after the last one, the articles first seen in it (within
 * {@code digest.max-per-feed} and {@code digest.max-articles}), and, when something is new, the
 * issue itself with its web version and article list, stored before any message goes out.
 *
 * @param webVersion renders the issue's web version from the digest of everything in it
 */
public record IssueBuilder(ArticleStore articles, IssueStore issues, Function<Digest, String> webVersion,
        DigestConfig config, Clock clock) {
    public IssueBuilder {
        Objects.requireNonNull(articles, "articles");
        Objects.requireNonNull(issues, "issues");
        Objects.requireNonNull(webVersion, "webVersion");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
    }

    /** The unfinished issue's contents, if a send was stopped before every subscriber had it. */
    public Optional<IssueContents> unfinished() {
        return issues.unfinished().map(this::contents);
    }

    /** The coming issue's contents, unsaved: the unfinished one, else the next one as it stands now. */
    public IssueContents preview() {
        return unfinished().orElseGet(() -> contents(planned()));
    }

    /** Creates the next issue with its ledger's articles and returns its contents; empty when nothing new was seen. */
    public Optional<IssueContents> build() {
        IssueContents contents = contents(planned());
        if (contents.isEmpty()) {
            return Optional.empty();
        }
        String web = webVersion.apply(contents.everything());
        return Optional.of(contents.of(issues.create(new NewIssue(contents.issue(), web, contents.articleIds()),
                clock.instant())));
    }

    private Issue planned() {
        IssuePlan plan = IssuePlan.next(issues.latest(), clock.instant(), config.title(), config.zone());
        return new Issue(0, issues.nextNumber(), plan.periodStart(), plan.periodEnd(), plan.subject());
    }

    private IssueContents contents(Issue issue) {
        PeriodLimits limits = new PeriodLimits(config.maxPerFeed(), config.maxArticles());
        return IssueContents.of(issue, articles.firstSeenBetween(issue.periodStart(), issue.periodEnd(), limits),
                config.maxPerFeed());
    }
}
