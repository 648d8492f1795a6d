package org.tidings.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MergedFeedFormatTest {
    @Test
    void findsFormatByNameInAnyCase() {
        assertEquals(MergedFeedFormat.ATOM, MergedFeedFormat.fromName("atom"));
        assertEquals(MergedFeedFormat.RSS, MergedFeedFormat.fromName("RSS"));
        assertEquals(MergedFeedFormat.JSON, MergedFeedFormat.fromName("Json"));
    }

    @Test
    void rejectsUnknownNameWithTheAcceptedOnes() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> MergedFeedFormat.fromName("rdf"));

        assertEquals("Unknown merged feed format \"rdf\": expected atom, rss or json", e.getMessage());
    }

    @Test
    void rejectsMissingName() {
        assertThrows(IllegalArgumentException.class, () -> MergedFeedFormat.fromName(null));
    }

    @Test
    void servesEachFormatAsUtf8WithItsMediaType() {
        assertEquals("application/atom+xml; charset=utf-8", MergedFeedFormat.ATOM.contentType());
        assertEquals("application/rss+xml; charset=utf-8", MergedFeedFormat.RSS.contentType());
        assertEquals("application/feed+json; charset=utf-8", MergedFeedFormat.JSON.contentType());
    }
}
