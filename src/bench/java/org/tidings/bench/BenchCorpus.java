package org.tidings.bench;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the benchmark corpus once: WordPress-like RSS 2.0 feeds with content:encoded of about
 * 4 KB per item and RFC 822 dates, in several languages, to files that the local server streams.
 */
final class BenchCorpus {
    private static final DateTimeFormatter RFC822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);
    private static final String[] WORDS = ("grève travailleurs réforme Sorbonne université étudiants "
            + "Arbeiter Gewerkschaft Straße Regierung Übergang Mieten huelga trabajadores señal "
            + "año campaña the union strike “solidarity” workers’ movement government pension police "
            + "election candidate railway youth housing wages inflation protest assembly").split(" ");
    private static final ZonedDateTime NEWEST = ZonedDateTime.of(2023, 5, 22, 9, 0, 0, 0, ZoneOffset.ofHours(2));

    private BenchCorpus() {
    }

    static Path feedFile(Path dir, int i) {
        return dir.resolve("feed-" + i + ".xml");
    }

    /** Creates the files unless a complete corpus is already there. */
    static void ensure(Path dir, int feeds, int items) throws IOException {
        Path done = dir.resolve("complete-" + feeds + "x" + items);
        if (Files.exists(done)) {
            return;
        }
        Files.createDirectories(dir);
        Random rnd = new Random(42);
        for (int f = 0; f < feeds; f++) {
            try (Writer w = Files.newBufferedWriter(feedFile(dir, f), StandardCharsets.UTF_8)) {
                writeFeed(w, f, items, rnd);
            }
        }
        Files.writeString(done, "ok");
    }

    /**
     * Publishes post {@code i} at the top of feed {@code f}, as a blog does: a new guid and a new
     * body, so the file's size, ETag and hash change. {@code i} stays under 1000 (guids are f*1000+i).
     */
    static void publish(Path dir, int f, int i) throws IOException {
        Path file = feedFile(dir, f);
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        StringWriter post = new StringWriter();
        writeItem(post, site(f), f, i, NEWEST.plusHours(i), new Random(f * 1000L + i));
        int first = xml.indexOf("<item>");
        Files.writeString(file, xml.substring(0, first) + post + xml.substring(first), StandardCharsets.UTF_8);
    }

    private static String site(int f) {
        return "https://blog" + f + ".example.org";
    }

    private static void writeFeed(Writer w, int f, int items, Random rnd) throws IOException {
        String site = site(f);
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"\n"
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n"
                + " xmlns:wfw=\"http://wellformedweb.org/CommentAPI/\"\n"
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                + " xmlns:atom=\"http://www.w3.org/2005/Atom\"\n"
                + " xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\"\n"
                + " xmlns:slash=\"http://purl.org/rss/1.0/modules/slash/\">\n<channel>\n");
        w.write("<title>Blog " + f + " – Révolution &amp; Klasse</title>\n<atom:link href=\"" + site
                + "/feed/\" rel=\"self\" type=\"application/rss+xml\" />\n<link>" + site + "</link>\n"
                + "<description>News and opinion</description>\n<lastBuildDate>Mon, 22 May 2023 10:00:00 +0000"
                + "</lastBuildDate>\n<language>fr-FR</language>\n<sy:updatePeriod>hourly</sy:updatePeriod>\n"
                + "<sy:updateFrequency>1</sy:updateFrequency>\n<generator>https://wordpress.org/?v=6.2</generator>\n");
        for (int i = 0; i < items; i++) {
            writeItem(w, site, f, i, NEWEST.minusHours(i * 7L), rnd);
        }
        w.write("</channel>\n</rss>\n");
    }

    private static void writeItem(Writer w, String site, int f, int i, ZonedDateTime date, Random rnd)
            throws IOException {
        String slug = "/" + date.getYear() + "/article-" + f + "-" + i + "/";
        String title = sentence(rnd, 8);
        w.write("<item>\n<title>" + title + "</title>\n<link>" + site + slug + "</link>\n");
        w.write("<comments>" + site + slug + "#respond</comments>\n");
        w.write("<dc:creator><![CDATA[Nathaniel Flakin]]></dc:creator>\n<pubDate>" + RFC822.format(date)
                + "</pubDate>\n<category><![CDATA[Europe]]></category>\n<category><![CDATA[Grève]]></category>\n");
        w.write("<guid isPermaLink=\"false\">" + site + "/?p=" + (f * 1000 + i) + "</guid>\n");
        w.write("<description><![CDATA[" + sentence(rnd, 40) + " [&#8230;]]]></description>\n");
        w.write("<content:encoded><![CDATA[" + content(rnd, site) + "]]></content:encoded>\n");
        w.write("<wfw:commentRss>" + site + slug + "feed/</wfw:commentRss>\n<slash:comments>0</slash:comments>\n"
                + "</item>\n");
    }

    private static String content(Random rnd, String site) {
        StringBuilder sb = new StringBuilder(4400);
        sb.append("<figure class=\"wp-block-image\"><img src=\"/wp-content/uploads/2023/05/photo.jpg\" alt=\"")
                .append(sentence(rnd, 4)).append("\" width=\"800\" height=\"533\" /></figure>\n");
        while (sb.length() < 2700) {
            sb.append("<p>").append(sentence(rnd, 30)).append(" <a href=\"").append(site)
                    .append("/tag/greve/\">").append(sentence(rnd, 3)).append("</a> ")
                    .append(sentence(rnd, 25)).append(" <strong>").append(sentence(rnd, 4))
                    .append("</strong>.</p>\n");
        }
        sb.append("<div class=\"sharedaddy\"><a href=\"https://www.facebook.com/sharer.php?u=").append(site)
                .append("\">Facebook</a> <a href=\"https://twitter.com/intent/tweet?url=").append(site)
                .append("\">Twitter</a></div>\n<img src=\"https://pixel.wp.com/b.gif?v=1\" width=\"1\" height=\"1\" />");
        return sb.toString();
    }

    private static String sentence(Random rnd, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[rnd.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }
}
