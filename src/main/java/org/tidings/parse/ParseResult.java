package org.tidings.parse;

import java.net.URI;
import java.util.List;
import org.tidings.model.ParsedFeed;

/** What parsing a document came to. */
public sealed interface ParseResult {
    /** A feed, parsed whole. */
    record Parsed(ParsedFeed feed) implements ParseResult {
    }

    /**
     * An HTML page, not a feed.
     *
     * @param alternates absolute URLs of the feeds the page links to with rel="alternate", best first
     */
    record NotAFeed(List<URI> alternates) implements ParseResult {
    }

    /** A feed we cannot read (malformed, hostile, unknown format); nothing of it is kept. */
    record Invalid(String reason) implements ParseResult {
    }
}
