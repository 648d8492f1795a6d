package org.tidings.web.pages;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.tidings.model.Article;
import org.tidings.render.ArticleDays;
import org.tidings.store.ArticleQuery;
import org.tidings.store.ArticlesVersion;
import org.tidings.web.PageWriter;
import org.tidings.web.cache.CachedResponse;
import org.tidings.web.cache.Caching;
import org.tidings.web.cache.RenderCache;
import org.tidings.web.cache.VersionWatch;

/**
 * {@code GET /}: the newest articles with the sign-up form, rendered once per change and served
 * with ETag and 304s. It can be shared by every visitor because nothing on it is per visitor: the
 * sign-up form is empty and carries no token (sign-ups are limited per client address instead).
 */
final class HomePage {
    private static final int LATEST = 60;
    private static final String KEY = "/";

    private final PageParts parts;
    private final ZoneId zone;
    private final PageWriter pages;
    /** Feed edits made in the admin: they change titles and categories that no articles version sees. */
    private final AtomicLong feedEdits = new AtomicLong();
    private final RenderCache<String, Version> cache;

    HomePage(PageParts parts, PageWriter pages) {
        Caching caching = parts.caching();
        this.parts = parts;
        this.zone = parts.digest().zone();
        this.pages = pages;
        this.cache = new RenderCache<>(new VersionWatch<>(() -> new Version(parts.articles().version(), feedEdits.get()),
                caching), key -> render(), caching, 1);
    }

    void register(JavalinConfig config) {
        config.routes.get(KEY, this::serve);
        // Changes from other processes (feeds add) show within Caching.renderAtLeastEvery.
        config.routes.after("/admin/feeds*", ctx -> {
            if (ctx.method() == HandlerType.POST) {
                feedEdits.incrementAndGet();
            }
        });
    }

    private void serve(Context ctx) {
        // Stored, but checked with the ETag before each use: a new article shows at the next visit.
        ctx.header("Cache-Control", "no-cache");
        CachedResponse.send(ctx, cache.get(KEY), PageWriter.HTML);
    }

    private byte[] render() {
        List<Article> latest = parts.articles().newest(new ArticleQuery(null, LATEST));
        return pages.html("home", "Latest articles", Map.of("days", ArticleDays.of(latest, zone),
                "hasDays", !latest.isEmpty(), "form", SubscribeForm.empty(CategoryChoice.known(parts.feeds()))))
                .getBytes(StandardCharsets.UTF_8);
    }

    private record Version(ArticlesVersion articles, long feedEdits) {
    }
}
