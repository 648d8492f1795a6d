package org.tidings.publish;

import static org.tidings.publish.FeedItem.hasText;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.tidings.model.Article;
import org.tidings.model.Source;

/**
 * Writes a merged feed as JSON Feed 1.1 (jsonfeed.org/version/1.1) with Jackson's streaming
 * generator. Keys with no value are left out, as the spec prefers to null.
 */
final class JsonFeedWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            // The caller opened the stream and closes it.
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            // Emoji and other astral characters as UTF-8 bytes rather than \uD83D\uDE00 pairs.
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    void write(MergedFeed feed, OutputStream out) {
        MergedFeedInfo info = feed.info();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("version", "https://jsonfeed.org/version/1.1");
            string(json, "title", info.title());
            string(json, "home_page_url", info.homeUrl());
            string(json, "feed_url", info.selfUrl());
            string(json, "description", info.description());
            json.writeArrayFieldStart("items");
            for (FeedItem item : feed.items()) {
                item(json, item);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void item(JsonGenerator json, FeedItem item) throws IOException {
        Article article = item.article();
        json.writeStartObject();
        string(json, "id", item.id());
        string(json, "url", article.url());
        string(json, "title", article.title());
        // The spec requires content_html or content_text; the summary stands in for missing HTML.
        if (hasText(article.contentHtml())) {
            string(json, "content_html", article.contentHtml());
        } else {
            json.writeStringField("content_text", hasText(article.summary()) ? clean(article.summary()) : "");
        }
        string(json, "summary", article.summary());
        date(json, "date_published", item.published());
        date(json, "date_modified", item.modified());
        names(json, "authors", item.authors());
        strings(json, "tags", item.categories());
        source(json, item);
        json.writeEndObject();
    }

    private static void names(JsonGenerator json, String field, List<String> names) throws IOException {
        if (names.isEmpty()) {
            return;
        }
        json.writeArrayFieldStart(field);
        for (String name : names) {
            json.writeStartObject();
            string(json, "name", name);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(clean(value));
        }
        json.writeEndArray();
    }

    /** Extension keys start with an underscore (JSON Feed 1.1, "Extensions"). */
    private static void source(JsonGenerator json, FeedItem item) throws IOException {
        Source source = item.source();
        json.writeObjectFieldStart("_source");
        string(json, "title", item.sourceTitle());
        string(json, "home_page_url", source.siteUrl());
        string(json, "feed_url", source.feedUrl());
        json.writeEndObject();
    }

    private static void date(JsonGenerator json, String field, Instant instant) throws IOException {
        if (instant != null) {
            json.writeStringField(field, FeedDates.rfc3339(instant));
        }
    }

    private static void string(JsonGenerator json, String field, URI value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value.toString());
        }
    }

    private static void string(JsonGenerator json, String field, String value) throws IOException {
        if (hasText(value)) {
            json.writeStringField(field, clean(value));
        }
    }

    /** Jackson refuses a lone surrogate mid-document; dropping it keeps the rest of the feed. */
    private static String clean(String value) {
        return LegalChars.unicode(value);
    }
}
