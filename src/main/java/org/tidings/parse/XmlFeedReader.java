package org.tidings.parse;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import java.net.URI;
import java.util.Locale;
import org.jdom2.Document;

/**
 * RSS and Atom through Rome, but with our own XML parsing in front: repaired text, a hardened
 * reusable SAX parser, and date texts lifted out before Rome would parse them.
 */
final class XmlFeedReader {
    private XmlFeedReader() {
    }

    static RawFeed read(String text, FormatSniffer.Sniff sniff, URI feedUrl) {
        String xml = XmlRepair.repair(text, sniff.rootStart());
        Document document = SafeXmlReader.read(xml, linesBefore(text, sniff.rootStart()));
        return map(document, sniff.rootName(), feedUrl);
    }

    /** @param rootName the root element's name as the document spells it, for error messages */
    static RawFeed map(Document document, String rootName, URI feedUrl) {
        RomeInputPrep.Prepared prepared = RomeInputPrep.prepare(document);
        WireFeed wire = rome(document, rootName);
        if (wire instanceof Channel channel) {
            return RssChannelMapper.map(channel, prepared, feedUrl);
        }
        if (wire instanceof Feed feed) {
            return AtomFeedMapper.map(feed, prepared, feedUrl);
        }
        throw new InvalidFeedException("unsupported feed type " + wire.getFeedType());
    }

    /** Rome's parsers are plain code over a JDOM tree; a broken tree can make any of them throw. */
    private static WireFeed rome(Document document, String rootName) {
        try {
            return new WireFeedInput(false, Locale.US).build(document);
        } catch (IllegalArgumentException e) {
            throw new InvalidFeedException("not a feed format we read: root element <" + rootName + "> "
                    + namespaceOf(document));
        } catch (FeedException | RuntimeException e) {
            throw new InvalidFeedException("unreadable <" + rootName + "> feed: " + e);
        }
    }

    private static String namespaceOf(Document document) {
        String uri = document.getRootElement().getNamespaceURI();
        return uri.isEmpty() ? "without namespace" : "in namespace " + uri;
    }

    private static int linesBefore(String text, int end) {
        int lines = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
