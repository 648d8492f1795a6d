package org.tidings.parse;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.Locale;
import java.util.function.IntSupplier;
import org.tidings.parse.dates.DateParser;
import org.tidings.parse.sanitize.HtmlSanitizer;
import org.tidings.parse.text.PlainText;
import org.tidings.parse.urls.UrlResolver;

/**
 * Rough per-item cost of the normalizing step: sanitize and summary of a generated 4 KB
 * WordPress-style item, URL resolution, and RFC 822 date parsing; time and bytes allocated per op. A plain main, not a test: speed is measured,
 * never asserted. Run, after {@code mvn -q -Pbench test-compile}:
 * {@code java -cp target/classes:target/test-classes:<deps> org.tidings.parse.NormalizeMicroBench}
 */
public final class NormalizeMicroBench {
    private static final URI BASE = URI.create("https://blog.example.com/2024/03/a-post/");
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /** The mix found in feed items: absolute links and images, root-relative and relative paths. */
    private static final String[] URLS = {
        "https://blog.example.com/wp-content/uploads/2024/03/photo-1024x683.jpg",
        "https://www.example.org/articles/2024/some-story?utm_source=rss",
        "/2024/03/related-7/", "../other-post/", "http://cdn.example.net/a.png", "image.png",
    };

    private NormalizeMicroBench() {
    }

    public static void main(String[] args) {
        String item = wordPressItem();
        String[] dates = rfc822Dates(50_000);
        HtmlSanitizer sanitizer = new HtmlSanitizer();
        System.out.printf(Locale.ROOT, "item: %d chars, sanitized: %d chars%n", item.length(), sanitizer.sanitize(item, BASE).length());

        measure("sanitize (4 KB item)", 20_000, () -> sanitizer.sanitize(item, BASE).length());
        int[] url = {0};
        measure("UrlResolver.resolve (mixed URLs)", 1_000_000,
                () -> UrlResolver.resolve(BASE, URLS[url[0]++ % URLS.length]).toString().length());
        measure("summary 300 chars (4 KB item)", 200_000, () -> PlainText.summary(item, 300).length());
        measure("summary whole text (4 KB item)", 100_000, () -> PlainText.summary(item, Integer.MAX_VALUE).length());
        measure("title with entities", 1_000_000, () -> PlainText.title("Caf&eacute; &amp; <em>cr&egrave;me</em> br&ucirc;l&eacute;e").length());
        int[] next = {0};
        measure("DateParser RFC 822 (50,000 dates)", 50_000 * 20, () -> {
            int i = next[0]++ % dates.length;
            return DateParser.parse(dates[i]).getNano();
        });
    }

    /**
     * Warms up for as many rounds as it measures, then prints the best of five rounds and the
     * bytes this thread allocated per op in that round.
     */
    private static void measure(String name, int iterations, IntSupplier op) {
        long sink = 0;
        double best = Double.MAX_VALUE;
        double bytesAtBest = 0;
        long thread = Thread.currentThread().getId();
        for (int round = 0; round < 10; round++) {
            long allocated = THREADS.getThreadAllocatedBytes(thread);
            long start = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                sink += op.getAsInt();
            }
            double micros = (System.nanoTime() - start) / 1000.0 / iterations;
            double bytes = (THREADS.getThreadAllocatedBytes(thread) - allocated) / (double) iterations;
            if (round >= 5 && micros < best) {
                best = micros;
                bytesAtBest = bytes;
            }
        }
        System.out.printf(Locale.ROOT, "%-36s %8.3f us/op %9.0f B/op   (sink %d)%n", name, best, bytesAtBest, sink % 10);
    }

    static String wordPressItem() {
        StringBuilder html = new StringBuilder(4500);
        html.append("<div class=\"entry-content\">");
        for (int p = 0; html.length() < 3300; p++) {
            html.append("<p class=\"has-text-color\" style=\"color:#333\">Paragraph ").append(p)
                    .append(" &ndash; L&rsquo;&eacute;t&eacute; &agrave; Montr&eacute;al: “très” chaud. Lorem ipsum dolor sit amet, ")
                    .append("<a href=\"/2024/03/related-").append(p).append("/\" target=\"_blank\" rel=\"noopener\">consectetur</a> ")
                    .append("adipiscing elit, <strong>sed do</strong> eiusmod <em>tempor</em> incididunt ut labore.</p>\n");
            if (p == 1) {
                html.append("<figure class=\"wp-block-image size-large\"><img loading=\"lazy\" width=\"1024\" height=\"683\" ")
                        .append("src=\"https://blog.example.com/wp-content/uploads/2024/03/photo-1024x683.jpg\" alt=\"A photo\" ")
                        .append("class=\"wp-image-42\" srcset=\"https://blog.example.com/wp-content/uploads/2024/03/photo-300x200.jpg 300w\" ")
                        .append("sizes=\"(max-width: 1024px) 100vw, 1024px\" /><figcaption>Caption &copy; me</figcaption></figure>\n");
            }
        }
        html.append("<ul><li>one</li><li>two <code>x &lt; y</code></li></ul></div>\n")
                .append("<div class=\"sharedaddy sd-sharing-enabled\"><div class=\"robots-nocontent sd-block sd-social\">")
                .append("<h3 class=\"sd-title\">Share this:</h3><div class=\"sd-content\"><ul>")
                .append("<li><a class=\"share-twitter\" href=\"https://blog.example.com/2024/03/a-post/?share=twitter\" target=\"_blank\">Twitter</a></li>")
                .append("<li><a class=\"share-facebook\" href=\"https://blog.example.com/2024/03/a-post/?share=facebook\" target=\"_blank\">Facebook</a></li>")
                .append("</ul></div></div></div>\n")
                .append("<img src=\"https://pixel.wp.com/b.gif?host=blog.example.com&#038;blog=1&#038;post=2\" alt=\"\" width=\"1\" height=\"1\" />");
        return html.toString();
    }

    static String[] rfc822Dates(int count) {
        String[] days = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        String[] zones = {"GMT", "+0000", "-0500", "PST", "EDT", "+0100", "UT", "CEST"};
        String[] dates = new String[count];
        for (int i = 0; i < count; i++) {
            dates[i] = String.format(Locale.ROOT, "%s, %02d %s %d %02d:%02d:%02d %s", days[i % 7], 1 + i % 28,
                    months[i % 12], 2000 + i % 25, i % 24, i % 60, (i * 7) % 60, zones[i % zones.length]);
        }
        return dates;
    }
}
