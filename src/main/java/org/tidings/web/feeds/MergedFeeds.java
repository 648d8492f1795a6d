package org.tidings.web.feeds;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.List;
import org.tidings.model.Article;
import org.tidings.publish.MergedFeedInfo;
import org.tidings.publish.MergedFeedWriter;
import org.tidings.store.ArticleQuery;
import org.tidings.store.ArticleStore;
import org.tidings.store.ArticlesVersion;
import org.tidings.web.cache.RenderCache;
import org.tidings.web.cache.Rendered;
import org.tidings.web.cache.VersionWatch;

/**
 * The merged feed as the web serves it: rendered once per change of the stored articles, not
 * once per request, and kept per format and category (see {@link org.tidings.web.cache.Caching}
 * for how stale it may be).
 */
final class MergedFeeds {
    /** The same as the CLI's {@code feed} command. */
    static final int ARTICLES = 50;
    /** Any category a reader asks for gets an entry, even one that matches nothing. */
    private static final int MAX_DOCUMENTS = 256;

    private final ArticleStore articles;
    private final MergedFeedWriter writer;
    private final URI publicUrl;
    private final RenderCache<FeedKey, ArticlesVersion> documents;

    MergedFeeds(FeedParts parts) {
        this.articles = parts.articles();
        this.writer = parts.writer();
        this.publicUrl = parts.publicUrl();
        this.documents = new RenderCache<>(new VersionWatch<>(articles::version, parts.caching()), this::render,
                parts.caching(), MAX_DOCUMENTS);
    }

    Rendered<ArticlesVersion> get(FeedKey key) {
        return documents.get(key);
    }

    private byte[] render(FeedKey key) {
        List<Article> newest = articles.newest(new ArticleQuery(key.category(), ARTICLES));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        writer.write(MergedFeedInfo.served(publicUrl, key.format(), key.category()), newest, key.format(), out);
        return out.toByteArray();
    }
}
