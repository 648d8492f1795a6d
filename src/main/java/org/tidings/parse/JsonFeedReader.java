package org.tidings.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.tidings.model.FeedFormat;
import org.tidings.parse.text.PlainToHtml;
import org.tidings.parse.urls.UrlResolver;

/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) to a {@link RawFeed}. Thread-safe. */
final class JsonFeedReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION_PREFIX = "https://jsonfeed.org/version/";

    private JsonFeedReader() {
    }

    static RawFeed read(String text, URI feedUrl) {
        JsonNode root = tree(text);
        if (!root.isObject() || !(root.path("version").asText().startsWith(VERSION_PREFIX) || root.has("items"))) {
            throw new InvalidFeedException("JSON document is not a JSON Feed (no version, no items)");
        }
        URI site = UrlResolver.resolve(feedUrl, text(root, "home_page_url"));
        URI base = site != null ? site : feedUrl;
        List<String> feedAuthors = authors(root);
        List<RawEntry> entries = new ArrayList<>();
        for (JsonNode item : root.path("items")) {
            entries.add(entry(item, feedAuthors, base));
        }
        return new RawFeed(FeedFormat.JSON_FEED, PlainToHtml.escape(text(root, "title")), site, null, entries);
    }

    private static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new InvalidFeedException("malformed JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    private static RawEntry entry(JsonNode item, List<String> feedAuthors, URI base) {
        List<String> authors = authors(item);
        List<String> categories = new ArrayList<>();
        for (JsonNode tag : item.path("tags")) {
            categories.add(tag.asText());
        }
        String html = text(item, "content_html");
        String content = html != null ? html : PlainToHtml.paragraphs(text(item, "content_text"));
        String link = text(item, "url") != null ? text(item, "url") : text(item, "external_url");
        return new RawEntry(text(item, "id"), link, PlainToHtml.escape(text(item, "title")),
                authors.isEmpty() ? feedAuthors : authors, categories, content,
                PlainToHtml.escape(text(item, "summary")),
                new RawDates(text(item, "date_published"), text(item, "date_modified")), base);
    }

    /** 1.1 has an authors array; 1.0 had one author object. */
    private static List<String> authors(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (JsonNode author : node.path("authors")) {
            addName(names, author);
        }
        addName(names, node.path("author"));
        return names;
    }

    private static void addName(List<String> names, JsonNode author) {
        String name = text(author, "name");
        if (name != null) {
            names.add(name);
        }
    }

    /** Strings as they are, numbers (ids often are) as their decimal text; null for anything else. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && (value.isTextual() || value.isNumber()) ? value.asText() : null;
    }
}
