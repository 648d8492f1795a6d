package org.tidings.web.pages;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tidings.model.PublicLinks;
import org.tidings.model.SentIssue;
import org.tidings.publish.ArchiveFeedWriter;
import org.tidings.store.IssuesVersion;
import org.tidings.web.PageWriter;
import org.tidings.web.cache.CachedResponse;
import org.tidings.web.cache.Caching;
import org.tidings.web.cache.RenderCache;
import org.tidings.web.cache.VersionWatch;

/**
 * {@code GET /archive[?before=N]} (sent issues, newest first, a page at a time by keyset on the
 * issue number) and {@code GET /archive.atom} (the newest sent issues as a feed): both rendered
 * once per change of the issues and served with ETag and 304s.
 */
final class ArchivePages {
    static final int PAGE = 50;
    static final int FEED = 20;
    /** Readers can ask for any {@code before}: past this many pages the cache starts over. */
    private static final int MAX_PAGES = 64;
    private static final String FEED_TYPE = "application/atom+xml; charset=utf-8";

    private final PageParts parts;
    private final ZoneId zone;
    private final PageWriter pages;
    private final ArchiveFeedWriter feedWriter;
    private final RenderCache<Integer, IssuesVersion> listPages;
    private final RenderCache<Integer, IssuesVersion> feed;

    ArchivePages(PageParts parts, PageWriter pages, PublicLinks links) {
        Caching caching = parts.caching();
        this.parts = parts;
        this.zone = parts.digest().zone();
        this.pages = pages;
        this.feedWriter = new ArchiveFeedWriter(links, parts.digest().title());
        VersionWatch<IssuesVersion> version = new VersionWatch<>(parts.issues()::version, caching);
        this.listPages = new RenderCache<>(version, this::renderPage, caching, MAX_PAGES);
        this.feed = new RenderCache<>(version, before -> renderFeed(), caching, 1);
    }

    void register(JavalinConfig config) {
        config.routes.get("/archive", this::page);
        config.routes.get("/archive.atom", ctx -> CachedResponse.send(ctx, feed.get(Integer.MAX_VALUE), FEED_TYPE));
    }

    private void page(Context ctx) {
        Optional<Integer> before = before(ctx.queryParam("before"));
        if (before.isEmpty()) {
            new Notice(400, "Bad page", "That archive page does not exist: \"before\" takes an issue number."
                    + " The archive starts at its first page.").show(ctx, pages);
            return;
        }
        ctx.header("Cache-Control", "no-cache");
        CachedResponse.send(ctx, listPages.get(before.get()), PageWriter.HTML);
    }

    /** The first page without {@code before}; empty for anything but a positive issue number. */
    private static Optional<Integer> before(String text) {
        if (text == null) {
            return Optional.of(Integer.MAX_VALUE);
        }
        return text.matches("[1-9][0-9]{0,8}") ? Optional.of(Integer.parseInt(text)) : Optional.empty();
    }

    private byte[] renderPage(int before) {
        // One more than shown, to know whether an older page exists.
        List<SentIssue> sent = parts.issues().sentBefore(before, PAGE + 1);
        List<SentIssue> shown = sent.subList(0, Math.min(PAGE, sent.size()));
        List<Map<String, Object>> issues = shown.stream().map(i -> Map.<String, Object>of("number", i.number(),
                "subject", i.subject(), "datetime", i.sentAt().toString(), "date", Dates.day(i.sentAt(), zone)))
                .toList();
        Map<String, Object> values = sent.size() > PAGE
                ? Map.of("issues", issues, "hasIssues", true, "older", shown.get(PAGE - 1).number())
                : Map.of("issues", issues, "hasIssues", !issues.isEmpty());
        return pages.html("archive", "Archive", values).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] renderFeed() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        feedWriter.write(parts.issues().sentBefore(Integer.MAX_VALUE, FEED), out);
        return out.toByteArray();
    }
}
