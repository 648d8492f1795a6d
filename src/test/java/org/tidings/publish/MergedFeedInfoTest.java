package org.tidings.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

class MergedFeedInfoTest {
    @Test
    void selfAndHomeLinksSitUnderThePublicUrl() {
        MergedFeedInfo atRoot = MergedFeedInfo.served(URI.create("http://localhost:8080"), MergedFeedFormat.ATOM, null);
        MergedFeedInfo behindProxy = MergedFeedInfo.served(URI.create("https://example.org/news"),
                MergedFeedFormat.RSS, "Économie & co");

        assertEquals(URI.create("http://localhost:8080/"), atRoot.homeUrl());
        assertEquals(URI.create("http://localhost:8080/feed.atom"), atRoot.selfUrl());
        assertEquals(URI.create("https://example.org/news/"), behindProxy.homeUrl());
        assertEquals(URI.create("https://example.org/news/feed.rss?category=%C3%89conomie+%26+co"),
                behindProxy.selfUrl());
    }
}
