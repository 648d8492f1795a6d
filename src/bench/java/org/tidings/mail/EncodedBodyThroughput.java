package org.tidings.mail;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.Function;

/**
 * Encoding throughput of a 100 KB HTML-like digest body, mostly ASCII with curly quotes and accents,
 * for {@link EncodedBody} and the {@link ReferenceEncodedBody} it replaced. A main class, not a test:
 * after {@code mvn -q -Pbench test-compile},
 * {@code java -cp target/classes:target/test-classes org.tidings.mail.EncodedBodyThroughput}.
 */
public final class EncodedBodyThroughput {
    private static final String[] WORDS = {"the", "feed", "digest", "article", "résumé", "café", "naïve", "Köln",
        "“quoted”", "it’s", "—", "Zürich", "subscribers", "newsletter", "<a href=\"https://example.org/a?b=c\">link</a>"};

    private EncodedBodyThroughput() {
    }

    public static void main(String[] args) {
        String body = htmlBody(100 * 1024);
        int size = body.getBytes(StandardCharsets.UTF_8).length;
        System.out.printf("body: %d UTF-8 bytes, %s%n", size, EncodedBody.of(body).transferEncoding());
        for (int round = 0; round < 3; round++) {
            report("reference EncodedBody.of", body, size, ReferenceEncodedBody::of);
            report("EncodedBody.of", body, size, EncodedBody::of);
        }
        byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
        for (int round = 0; round < 3; round++) {
            report("reference quoted-printable", utf8, size, ReferenceEncodedBody::quotedPrintable);
            report("QuotedPrintable.encode", body, size, text -> QuotedPrintable.encode(text, size));
        }
    }

    private static String htmlBody(int chars) {
        Random random = new Random(7);
        StringBuilder html = new StringBuilder("<html><body>\n");
        while (html.length() < chars) {
            html.append("<p style=\"margin:0 0 12px 0;font-family:Georgia,serif\">");
            int words = 20 + random.nextInt(60);
            for (int w = 0; w < words; w++) {
                html.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            html.append("</p>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static <T> void report(String name, T input, int size, Function<T, ?> encoder) {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 20; run++) {
            long start = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                encoder.apply(input);
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        double mbPerSecond = 50.0 * size / (best / 1e9) / 1e6;
        System.out.printf("%-28s %8.0f MB/s%n", name, mbPerSecond);
    }
}
