package org.tidings.render;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import org.tidings.model.Article;
import org.tidings.model.Digest;
import org.tidings.model.Issue;
import org.tidings.model.Subscriber;

/**
 * Keeps a digest email's HTML part within {@code digest.max-bytes} on the wire: the articles that
 * do not fit give way in {@link FairOrder}, and the email says how many the web version has more.
 * The cut is searched once per variant of the issue (subscribers with the same categories get the
 * same digest) and remembered, so a send renders each subscriber's email once, as before.
 */
final class MailBudget {
    /** Variants remembered at once; past this they are forgotten and found again when needed. */
    private static final int MAX_VARIANTS = 256;
    /** Articles rendered to learn what one costs before any guess. */
    private static final int PROBE = 16;

    /** The digest to mail and how many of its articles were left out of it. */
    record Cut(Digest digest, int leftOut) {
    }

    private final Template html;
    private final DigestViews views;
    private final int maxBytes;
    private final ToIntFunction<String> wireSize;
    private final ConcurrentHashMap<Variant, Cut> cuts = new ConcurrentHashMap<>();
    /** The issue the remembered cuts belong to: a new one (or a preview) forgets the others'. */
    private volatile Issue issue;

    MailBudget(Template html, DigestViews views, int maxBytes, ToIntFunction<String> wireSize) {
        this.html = html;
        this.views = views;
        this.maxBytes = maxBytes;
        this.wireSize = Objects.requireNonNull(wireSize, "wireSize");
    }

    Cut cut(Digest digest, Subscriber s) {
        if (!same(digest.issue(), issue) || cuts.size() >= MAX_VARIANTS) {
            cuts.clear();
            issue = digest.issue();
        }
        // Tokens are URL-safe ASCII, one octet each in any encoding: subscribers of one variant whose
        // tokens are as long get emails of the same size, whoever is measured.
        return cuts.computeIfAbsent(new Variant(digest, s.token().length()), v -> search(digest, s));
    }

    /**
     * The most articles (in fair order) whose email fits. The size grows about linearly with the
     * articles kept, so the email without articles and with the first {@link #PROBE} give each
     * article's share, and the whole digest is rendered only when that share says it may fit: a
     * digest of 300 articles is five times the budget, and rendering it cost more than the rest of
     * the search. Then guesses interpolated from the sizes measured so far, and a bisection when a
     * guess fails to halve the range. Only measured sizes decide what is kept, so the cut always
     * fits; a foreseen size only steers the guesses.
     */
    private Cut search(Digest digest, Subscriber s) {
        int n = digest.articleCount();
        List<Article> order = FairOrder.of(digest);
        int probe = Math.min(n, PROBE);
        int probeSize = probe == n ? size(digest, s, 0) : size(FairOrder.keep(digest, order, probe), s, n - probe);
        if (probe == n && probeSize <= maxBytes) {
            return new Cut(digest, 0);
        }
        int zeroSize = size(FairOrder.keep(digest, order, 0), s, n);
        double share = Math.max(1, (probeSize - zeroSize) / (double) Math.max(1, probe));
        int lo = 0;
        int loSize = zeroSize;
        int hi = n;
        int hiSize = probe == n ? probeSize : (int) Math.min(Integer.MAX_VALUE, zeroSize + share * n);
        boolean hiMeasured = probe == n;
        if (probeSize <= maxBytes) {
            lo = probe;
            loSize = probeSize;
            if (hiSize <= maxBytes) {
                hiSize = size(digest, s, 0);
                hiMeasured = true;
                if (hiSize <= maxBytes) {
                    return new Cut(digest, 0);
                }
            }
        } else {
            hi = probe;
            hiSize = probeSize;
            hiMeasured = true;
        }
        int kept = loSize > maxBytes ? 0 : narrow(digest, order, s, new Range(lo, loSize, hi, hiSize, hiMeasured));
        // Should not even the header, footer and "more" line fit (a template far larger than ours), they go alone.
        return new Cut(FairOrder.keep(digest, order, kept), n - kept);
    }

    /** Articles {@code lo} fit in {@code loSize} bytes, {@code hi} take {@code hiSize}, measured or foreseen. */
    private record Range(int lo, int loSize, int hi, int hiSize, boolean hiMeasured) {
    }

    private int narrow(Digest digest, List<Article> order, Subscriber s, Range r) {
        int n = digest.articleCount();
        int lo = r.lo();
        int loSize = r.loSize();
        int hi = r.hi();
        int hiSize = r.hiSize();
        boolean bisect = false;
        while (hi - lo > 1) {
            int width = hi - lo;
            int guess = bisect || hiSize <= loSize ? (lo + hi) >>> 1
                    : lo + (int) ((long) (maxBytes - loSize) * width / (hiSize - loSize));
            guess = Math.max(lo + 1, Math.min(hi - 1, guess));
            int size = size(FairOrder.keep(digest, order, guess), s, n - guess);
            if (size <= maxBytes) {
                lo = guess;
                loSize = size;
            } else {
                hi = guess;
                hiSize = size;
            }
            bisect = (hi - lo) * 2 > width;
        }
        // The whole digest's size was only foreseen: all but one fit, so it may fit whole after all.
        if (hi == n && lo == n - 1 && !r.hiMeasured() && size(digest, s, 0) <= maxBytes) {
            return n;
        }
        return lo;
    }

    /**
     * The same issue, or the same preview of one (a preview's issue is not stored, and its period
     * ends when it was asked for). Not the record's equals: its first call bootstraps the
     * record-method machinery, a tenth of a second of a one-shot {@code digest preview}.
     */
    private static boolean same(Issue a, Issue b) {
        return a != null && b != null && a.id() == b.id() && a.number() == b.number()
                && a.periodEnd().equals(b.periodEnd());
    }

    private int size(Digest digest, Subscriber s, int leftOut) {
        return wireSize.applyAsInt(html.render(views.email(digest, s, leftOut)));
    }

    /**
     * One issue's digest for a set of categories. Sections are compared by identity: a send's
     * digests share the sections of one grouping of the issue, while a preview groups afresh and
     * so never meets a cut made for other articles.
     */
    private record Variant(Issue issue, List<Digest.Section> sections, int tokenLength) {
        Variant(Digest digest, int tokenLength) {
            this(digest.issue(), digest.sections(), tokenLength);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Variant v) || v.tokenLength != tokenLength || !same(v.issue, issue)
                    || v.sections.size() != sections.size()) {
                return false;
            }
            for (int i = 0; i < sections.size(); i++) {
                if (v.sections.get(i) != sections.get(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = Long.hashCode(issue.id()) * 31 + tokenLength;
            for (Digest.Section section : sections) {
                h = h * 31 + System.identityHashCode(section);
            }
            return h;
        }
    }
}
