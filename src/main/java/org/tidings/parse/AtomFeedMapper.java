package org.tidings.parse;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.synd.SyndPerson;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.tidings.model.FeedFormat;
import org.tidings.parse.urls.UrlResolver;

/** Rome's Atom model (0.3 and 1.0) to a {@link RawFeed}. */
final class AtomFeedMapper {
    private AtomFeedMapper() {
    }

    static RawFeed map(Feed feed, RomeInputPrep.Prepared prepared, URI feedUrl) {
        URI documentBase = feed.getXmlBase() == null ? null : UrlResolver.resolve(feedUrl, feed.getXmlBase());
        URI linkBase = documentBase != null ? documentBase : feedUrl;
        URI site = UrlResolver.resolve(linkBase, alternateHref(feed.getAlternateLinks()));
        List<String> feedAuthors = names(feed.getAuthors());
        List<Entry> entries = feed.getEntries();
        List<RawDates> dates = prepared.entryDates();
        List<RawEntry> raw = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            URI entryBase = entry.getXmlBase() == null ? documentBase : UrlResolver.resolve(linkBase, entry.getXmlBase());
            URI base = entryBase != null ? entryBase : site != null ? site : feedUrl;
            RawDates entryDates = dates.size() == entries.size() ? dates.get(i) : RawDates.NONE;
            raw.add(entry(entry, feedAuthors, entryDates, base));
        }
        return new RawFeed(FeedFormat.ATOM, AtomText.toHtml(feed.getTitleEx()), site, prepared.ttlMinutes(), raw);
    }

    private static RawEntry entry(Entry entry, List<String> feedAuthors, RawDates dates, URI base) {
        List<String> authors = names(entry.getAuthors());
        if (authors.isEmpty()) {
            // RFC 4287 section 4.2.1: an entry without authors has the feed's.
            authors = new ArrayList<>(feedAuthors);
        }
        authors.addAll(DublinCore.creators(entry));
        List<String> categories = new ArrayList<>();
        for (Category category : entry.getCategories()) {
            categories.add(category.getTerm() != null && !category.getTerm().isBlank() ? category.getTerm() : category.getLabel());
        }
        categories.addAll(DublinCore.subjects(entry));
        List<Content> contents = entry.getContents();
        String content = contents.isEmpty() ? null : AtomText.toHtml(contents.get(0));
        return new RawEntry(entry.getId(), alternateHref(entry.getAlternateLinks()), AtomText.toHtml(entry.getTitleEx()),
                authors, categories, content, AtomText.toHtml(entry.getSummary()), dates, base);
    }

    /** The HTML alternate when a feed offers several, else the first. */
    private static String alternateHref(List<Link> links) {
        for (Link link : links) {
            if (link.getType() == null || link.getType().contains("html")) {
                return link.getHref();
            }
        }
        return links.isEmpty() ? null : links.get(0).getHref();
    }

    private static List<String> names(List<SyndPerson> people) {
        List<String> names = new ArrayList<>();
        for (SyndPerson person : people) {
            if (person.getName() != null) {
                names.add(person.getName());
            }
        }
        return names;
    }
}
