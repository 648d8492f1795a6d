package org.tidings.parse;

import java.net.URI;
import org.tidings.parse.FormatSniffer.Sniff;
import org.tidings.parse.sanitize.HtmlSanitizer;

/**
 * The parse stage's front door: bytes of any supported format to a {@link ParseResult}.
 * Thread-safe: it keeps no state between calls but the per-thread XML parsers.
 */
public final class FeedParser {
    private final FeedNormalizer normalizer;

    public FeedParser(HtmlSanitizer sanitizer) {
        this.normalizer = new FeedNormalizer(sanitizer);
    }

    public FeedParser() {
        this(new HtmlSanitizer());
    }

    /**
     * @param body the raw (already decompressed) bytes
     * @param contentType the HTTP Content-Type header (may carry a charset), or null
     * @param feedUrl the URL the bytes came from: the last resort base for relative URLs
     */
    public ParseResult parse(byte[] body, String contentType, URI feedUrl) {
        if (body == null || body.length == 0) {
            return new ParseResult.Invalid("empty document");
        }
        try {
            RawFeed wellFormed = XmlFeedFastPath.readOrNull(body, contentType, feedUrl);
            return wellFormed != null ? parsed(wellFormed) : decodedAndRepaired(body, contentType, feedUrl);
        } catch (InvalidFeedException e) {
            return new ParseResult.Invalid(e.getMessage());
        }
    }

    private ParseResult decodedAndRepaired(byte[] body, String contentType, URI feedUrl) {
        String text = XmlCharsetDecoder.decode(body, contentType);
        Sniff sniff = FormatSniffer.sniff(text);
        return switch (sniff.kind()) {
            case JSON -> parsed(JsonFeedReader.read(text, feedUrl));
            case XML_FEED -> parsed(XmlFeedReader.read(text, sniff, feedUrl));
            case HTML -> new ParseResult.NotAFeed(HtmlFeedDiscovery.alternates(body, contentType, feedUrl));
            case HOSTILE_DOCTYPE -> new ParseResult.Invalid(
                    "DOCTYPE declarations are not allowed (this one declares entities or an internal subset)");
            case UNKNOWN -> new ParseResult.Invalid(unknown(sniff));
        };
    }

    private ParseResult parsed(RawFeed feed) {
        return new ParseResult.Parsed(normalizer.normalize(feed));
    }

    private static String unknown(Sniff sniff) {
        return sniff.rootName() == null
                ? "not a feed: neither XML, JSON nor HTML"
                : "not a feed: unexpected root element <" + sniff.rootName() + ">";
    }
}
