package org.tidings.parse;

import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.tidings.model.FeedFormat;
import org.tidings.parse.urls.UrlResolver;

/** Rome's RSS model (every version from 0.90 to 2.0) to a {@link RawFeed}. */
final class RssChannelMapper {
    private RssChannelMapper() {
    }

    static RawFeed map(Channel channel, RomeInputPrep.Prepared prepared, URI feedUrl) {
        URI site = UrlResolver.resolve(feedUrl, channel.getLink());
        URI base = site != null ? site : feedUrl;
        List<Item> items = channel.getItems();
        List<RawEntry> entries = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            entries.add(entry(items.get(i), datesOf(prepared, items.size(), i), base));
        }
        return new RawFeed(format(channel), channel.getTitle(), site, prepared.ttlMinutes(), entries);
    }

    /** RSS 0.90 and 1.0 are RDF documents; 0.91 to 2.0 are the rss element family. */
    private static FeedFormat format(Channel channel) {
        String type = channel.getFeedType();
        return type.equals("rss_0.9") || type.equals("rss_1.0") ? FeedFormat.RDF : FeedFormat.RSS;
    }

    /** Should Rome ever see a different list of items than we did, dates are lost, not mismatched. */
    private static RawDates datesOf(RomeInputPrep.Prepared prepared, int itemCount, int index) {
        List<RawDates> dates = prepared.entryDates();
        return dates.size() == itemCount ? dates.get(index) : RawDates.NONE;
    }

    private static RawEntry entry(Item item, RawDates dates, URI base) {
        List<String> authors = new ArrayList<>();
        if (item.getAuthor() != null) {
            authors.add(AuthorName.of(item.getAuthor()));
        }
        authors.addAll(DublinCore.creators(item));
        List<String> categories = new ArrayList<>();
        for (Category category : item.getCategories()) {
            categories.add(category.getValue());
        }
        categories.addAll(DublinCore.subjects(item));
        String content = item.getContent() == null ? null : item.getContent().getValue();
        String description = item.getDescription() == null ? null : item.getDescription().getValue();
        return new RawEntry(guid(item), link(item), item.getTitle(), authors, categories, content, description,
                dates, base);
    }

    private static String guid(Item item) {
        Guid guid = item.getGuid();
        return guid == null ? null : guid.getValue();
    }

    /** RSS 2.0: a guid that is a permalink (the default) is the item's URL when it has no link. */
    private static String link(Item item) {
        if (item.getLink() != null && !item.getLink().isBlank()) {
            return item.getLink();
        }
        Guid guid = item.getGuid();
        if (guid != null && guid.isPermaLink() && guid.getValue() != null && guid.getValue().trim().startsWith("http")) {
            return guid.getValue();
        }
        return item.getUri();
    }
}
