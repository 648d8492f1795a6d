package org.tidings.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ingest corpus ({@link BenchCorpus}) as a year of it: before each fetch round every served
 * file is rewritten from the original with new guids, new links and dates moved to that round, as
 * if each blog had published its 25 posts since the round before.
 */
final class YearCorpus {
    private static final Pattern PUB_DATE = Pattern.compile("<pubDate>([^<]+)</pubDate>");
    private static final DateTimeFormatter RFC822 = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final Path original;
    private final Path served;
    private final int feeds;

    /**
     * @param original the folder {@link BenchCorpus#ensure} fills (shared with the ingest benchmark)
     * @param served the folder the corpus server serves, rewritten each round
     */
    YearCorpus(Path original, Path served, int feeds) throws IOException {
        this.original = original;
        this.served = served;
        this.feeds = feeds;
        BenchCorpus.ensure(original, feeds, 25);
        Files.createDirectories(served);
    }

    Path served() {
        return served;
    }

    /** Writes round {@code round}'s files, whose newest post is an hour before {@code fetchedAt}; returns their bytes. */
    long writeRound(int round, Instant fetchedAt) throws IOException {
        long bytes = 0;
        for (int f = 0; f < feeds; f++) {
            String xml = Files.readString(BenchCorpus.feedFile(original, f), StandardCharsets.UTF_8);
            String rewritten = moveDates(xml, fetchedAt.minus(Duration.ofHours(1)))
                    .replace("/?p=", "/?p=r" + round + "-")
                    .replace("/article-", "/article-r" + round + "-");
            Path file = BenchCorpus.feedFile(served, f);
            Files.writeString(file, rewritten, StandardCharsets.UTF_8);
            bytes += Files.size(file);
        }
        return bytes;
    }

    /** Shifts every pubDate by the same amount, so that the first (newest) one becomes {@code newest}. */
    private static String moveDates(String xml, Instant newest) {
        Matcher m = PUB_DATE.matcher(xml);
        if (!m.find()) {
            return xml;
        }
        Duration shift = Duration.between(ZonedDateTime.parse(m.group(1), RFC822).toInstant(), newest);
        StringBuilder out = new StringBuilder(xml.length() + 64);
        m.reset();
        while (m.find()) {
            ZonedDateTime moved = ZonedDateTime.parse(m.group(1), RFC822).plus(shift).withZoneSameInstant(ZoneOffset.UTC);
            m.appendReplacement(out, "<pubDate>" + RFC822.format(moved) + "</pubDate>");
        }
        m.appendTail(out);
        return out.toString();
    }
}
