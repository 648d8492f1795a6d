package org.tidings.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tidings.mail.WireSize;

class TextWrapTest {
    @Test
    void breaksLongLinesAtSpacesWithinTheWidth() {
        String text = "one two three four five six seven";

        assertEquals("one two\nthree four\nfive six\nseven", TextWrap.wrap(text, 10));
    }

    @Test
    void keepsShortLinesAndBlankLinesByteForByte() {
        String text = "Title\n\n-- \n  indented  \n";

        assertEquals(text, TextWrap.wrap(text, 72));
    }

    @Test
    void neverBreaksAUrl() {
        String url = "https://example.org/a/very/long/path/that/goes/on/and/on?query=1&utm_source=feed&x=yz";
        String text = "Read it at " + url + " today";

        assertEquals("Read it at\n" + url + "\ntoday", TextWrap.wrap(text, 72));
    }

    @Test
    void countsCodePointsNotUtf16Units() {
        // Eight emoji are 16 UTF-16 units but 8 columns: they fit in 10 with "ab".
        String emoji = "🎉🎉🎉🎉🎉🎉🎉🎉";

        assertEquals("ab " + emoji, TextWrap.wrap("ab " + emoji, 11));
        assertEquals("ab\n" + emoji, TextWrap.wrap("ab " + emoji, 10));
    }

    @Test
    void keepsNonAsciiIntact() {
        String text = "Les développeurs ont publié « une nouvelle version » où größere Dateien y también señales";

        String wrapped = TextWrap.wrap(text, 20);

        assertEquals(text, wrapped.replace('\n', ' '));
        for (String line : wrapped.split("\n")) {
            assertTrue(line.codePointCount(0, line.length()) <= 20, line);
        }
    }

    @Test
    void continuesIndentedLinesAtTheSameIndent() {
        assertEquals("  alpha beta\n  gamma", TextWrap.wrap("  alpha beta gamma", 12));
    }

    @Test
    void wrapsTheRenderedDigestAt72ColumnsExceptLongUrls() {
        RenderedEmail email = new DigestRenderer(SampleDigests.builtIn(), SampleDigests.CONFIG, SampleDigests.LINKS, WireSize::of)
                .render(SampleDigests.week(3), SampleDigests.MARIE);

        for (String line : email.text().split("\n")) {
            boolean fits = line.codePointCount(0, line.length()) <= TextWrap.MAIL_WIDTH;
            assertTrue(fits || !line.contains(" "), "too long: " + line);
        }
    }
}
