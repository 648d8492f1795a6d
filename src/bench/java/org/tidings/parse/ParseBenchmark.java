package org.tidings.parse;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Single-threaded items per second of our parser against naive Rome, on WordPress-like RSS 2.0
 * feeds of 25 items with about 4 KB of content:encoded each (the ingest benchmark's shape).
 * A main class, not a test: after {@code mvn -q -Pbench test-compile},
 * {@code java -cp ... org.tidings.parse.ParseBenchmark [feeds] [rounds] [ours-only]}.
 */
public final class ParseBenchmark {
    private static final int ITEMS_PER_FEED = 25;
    private static final URI FEED_URL = URI.create("https://blog.example.com/feed/");

    private ParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int feedCount = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        boolean oursOnly = args.length > 2 && args[2].equals("ours-only");
        List<byte[]> feeds = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < feedCount; i++) {
            feeds.add(wordPressFeed(i));
            bytes += feeds.get(i).length;
        }
        System.out.printf("%d feeds x %d items, %.1f MB%n", feedCount, ITEMS_PER_FEED, bytes / 1e6);
        FeedParser parser = new FeedParser();
        for (int round = 1; round <= rounds; round++) {
            Parse ours = body -> count(parser.parse(body, "application/rss+xml; charset=UTF-8", FEED_URL));
            Rate full = rate(feeds, ours);
            Rate raw = rate(feeds, ParseBenchmark::rawOnly);
            System.out.printf("round %d, items/s (per CPU s, KB allocated/item): FeedParser %,.0f (%,.0f, %,.0f KB)"
                            + " | XML to raw records only %,.0f (%,.0f, %,.0f KB)%n", round,
                    full.itemsPerSecond(), full.itemsPerCpuSecond(), full.kbPerItem(),
                    raw.itemsPerSecond(), raw.itemsPerCpuSecond(), raw.kbPerItem());
            if (!oursOnly) {
                System.out.printf("    naive Rome %,.0f | on 2 threads: FeedParser %,.0f, raw records %,.0f%n",
                        rate(feeds, ParseBenchmark::naiveRome).itemsPerSecond(),
                        parallelRate(feeds, ours, 2), parallelRate(feeds, ParseBenchmark::rawOnly, 2));
            }
        }
    }

    private interface Parse {
        int items(byte[] body) throws Exception;
    }

    /** CPU time is this thread's, so it stays comparable when other work shares the box. */
    private record Rate(double itemsPerSecond, double itemsPerCpuSecond, double kbPerItem) {
    }

    /** Allocation is this thread's only, which is all of it for a single-threaded run. */
    private static Rate rate(List<byte[]> feeds, Parse parse) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long items = 0;
        for (byte[] body : feeds) {
            items += parse.items(body);
        }
        long nanos = System.nanoTime() - start;
        long cpuNanos = threads.getCurrentThreadCpuTime() - cpuBefore;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        return new Rate(items / (nanos / 1e9), items / (cpuNanos / 1e9), allocated / 1024.0 / items);
    }

    private static double parallelRate(List<byte[]> feeds, Parse parse, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<Integer>> results = new ArrayList<>();
            for (byte[] body : feeds) {
                results.add(pool.submit(() -> parse.items(body)));
            }
            long items = 0;
            for (Future<Integer> result : results) {
                items += result.get();
            }
            return items / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static int count(ParseResult result) {
        if (result instanceof ParseResult.Parsed parsed) {
            return parsed.feed().entries().size();
        }
        throw new IllegalStateException("benchmark feed did not parse: " + result);
    }

    /** SAX, Rome and mapping (with decoding and repair if needed), without the normalizing. */
    private static int rawOnly(byte[] body) {
        RawFeed fast = XmlFeedFastPath.readOrNull(body, null, FEED_URL);
        if (fast != null) {
            return fast.entries().size();
        }
        String text = XmlCharsetDecoder.decode(body, null);
        return XmlFeedReader.read(text, FormatSniffer.sniff(text), FEED_URL).entries().size();
    }

    private static int naiveRome(byte[] body) throws Exception {
        SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body)));
        return feed.getEntries().size();
    }

    static byte[] wordPressFeed(int seed) {
        Random random = new Random(seed);
        StringBuilder xml = new StringBuilder(120_000);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"\n")
                .append(" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n")
                .append(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n")
                .append(" xmlns:atom=\"http://www.w3.org/2005/Atom\"\n")
                .append(" xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\">\n<channel>\n")
                .append("<title>Blog number ").append(seed).append(" &#8211; notes</title>\n")
                .append("<atom:link href=\"https://blog").append(seed).append(".example.com/feed/\" rel=\"self\"/>\n")
                .append("<link>https://blog").append(seed).append(".example.com</link>\n")
                .append("<description>Just another WordPress site</description>\n")
                .append("<lastBuildDate>Tue, 10 Jun 2025 08:12:44 +0000</lastBuildDate>\n")
                .append("<language>en-US</language><sy:updatePeriod>hourly</sy:updatePeriod>")
                .append("<sy:updateFrequency>1</sy:updateFrequency>\n");
        ZonedDateTime date = ZonedDateTime.of(2025, 6, 10, 8, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < ITEMS_PER_FEED; i++) {
            item(xml, random, seed, i, date.minusHours(7L * i));
        }
        return xml.append("</channel>\n</rss>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void item(StringBuilder xml, Random random, int seed, int i, ZonedDateTime date) {
        String link = "https://blog" + seed + ".example.com/2025/06/post-" + i + "/";
        xml.append("<item>\n<title>Post ").append(i).append(" about ").append(word(random))
                .append(" &#038; ").append(word(random)).append("</title>\n")
                .append("<link>").append(link).append("</link>\n")
                .append("<dc:creator><![CDATA[Author ").append(random.nextInt(5)).append("]]></dc:creator>\n")
                .append("<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.US).format(date))
                .append("</pubDate>\n")
                .append("<category><![CDATA[").append(word(random)).append("]]></category>\n")
                .append("<category><![CDATA[").append(word(random)).append("]]></category>\n")
                .append("<guid isPermaLink=\"false\">https://blog").append(seed).append(".example.com/?p=")
                .append(1000 + i).append("</guid>\n")
                .append("<description><![CDATA[").append(sentence(random, 40))
                .append(" [&hellip;]]]></description>\n<content:encoded><![CDATA[");
        while (contentLength(xml) < 4000) {
            xml.append("<p>").append(sentence(random, 60)).append(" <a href=\"/2025/05/other-").append(random.nextInt(99))
                    .append("/\">read more</a> &#8217;quoted&#8217;</p>\n");
            if (random.nextInt(4) == 0) {
                xml.append("<p><img src=\"/wp-content/uploads/2025/06/img-").append(random.nextInt(999))
                        .append(".jpg\" alt=\"\" width=\"640\" height=\"480\"></p>\n");
            }
        }
        xml.append("]]></content:encoded>\n</item>\n");
    }

    private static int contentLength(StringBuilder xml) {
        return xml.length() - xml.lastIndexOf("<content:encoded>");
    }

    private static final String[] WORDS = {"lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing",
        "elit", "sed", "do", "eiusmod", "tempor", "incididunt", "labore", "magna", "aliqua", "garden", "coffee",
        "river", "mountain", "library", "window", "bicycle", "summer"};

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static String sentence(Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            s.append(i == 0 ? "" : " ").append(word(random));
        }
        return s.append('.').toString();
    }
}
