package org.tidings.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class FeedParserConcurrencyTest {
    private static final List<String> FIXTURES = List.of("rss20-wordpress-fr.xml", "atom10-xml-base.xml",
            "rss10.rdf", "jsonfeed11.json", "rss20-latin1-de.xml", "rss20-malformed.xml", "hostile-billion-laughs.xml",
            "page-with-alternates.html");

    @Test
    void givesSameResultsWhenSharedByManyThreads() throws Exception {
        FeedParser shared = new FeedParser();
        List<ParseResult> expected = new ArrayList<>();
        for (String fixture : FIXTURES) {
            expected.add(shared.parse(Fixtures.bytes(fixture), null, Fixtures.FEED_URL));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<ParseResult>>> runs = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                runs.add(pool.submit(parseAll(shared)));
            }
            for (Future<List<ParseResult>> run : runs) {
                assertEquals(expected, run.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    private static Callable<List<ParseResult>> parseAll(FeedParser parser) {
        return () -> {
            List<ParseResult> results = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                results.clear();
                for (String fixture : FIXTURES) {
                    results.add(parser.parse(Fixtures.bytes(fixture), null, Fixtures.FEED_URL));
                }
            }
            return results;
        };
    }
}
