package org.tidings.parse.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlainTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Hello world                          | Hello world
            '  Hello \t\n  world  '              | Hello world
            AT&amp;T &lt;3 Q&amp;A               | AT&T <3 Q&A
            AT&T <3 Q&A                          | AT&T <3 Q&A
            x < y and y > z                      | x < y and y > z
            Fish &amp chips                      | Fish & chips
            R&D budget; 5 &lt 6                  | R&D budget; 5 < 6
            <b>Bold</b> move                     | Bold move
            Using &lt;em&gt; tags                | Using <em> tags
            &eacute;t&eacute; &#233;t&#xE9;      | été été
            &ldquo;Quoted&rdquo; &mdash; &hellip; | “Quoted” — …
            &#147;Smart&#148; quotes             | “Smart” quotes
            &NotNestedGreaterGreater;            | ⪢̸
            &#128512; grin                       | 😀 grin
            &#0; &#xD800; &#x110000;             | \uFFFD \uFFFD \uFFFD
            a&nbsp;&nbsp;b                       | a b
            a\u00A0\u2009\u3000b                 | a b
            &unknown; entity                     | &unknown; entity
            AT&amp;T<br>News                     | AT&T News
            <p>Para</p><p>graphs</p>             | Para graphs
            <![CDATA[Raw <b>]]> text             | Raw <b> text
            a <!-- hidden --> b                  | a b
            <span title="a > b">shown</span>     | shown
            Un <i>été</i> à l’ombre « ici »      | Un été à l’ombre « ici »
            Über Straße – „Zitat“                | Über Straße – „Zitat“
            ¿Qué tal? ¡Señor!                    | ¿Qué tal? ¡Señor!
            \uFEFFTitle with BOM                 | Title with BOM
            """)
    void titleDecodesStripsAndCollapses(String raw, String expected) {
        assertEquals(unescape(expected), PlainText.title(unescape(raw)));
    }

    @Test
    void titleIsEmptyForNull() {
        assertEquals("", PlainText.title(null));
    }

    @Test
    void titleReturnsCleanInputItself() {
        String clean = "Already clean title";
        assertSame(clean, PlainText.title(clean));
    }

    @Test
    void titleKeepsUnclosedLessThan() {
        assertEquals("a <b c", PlainText.title("a <b c"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            <p>a</p><p>b</p>                                         | a b
            <b>bold</b>face                                          | boldface
            one<br>two<br/>three                                     | one two three
            <ul><li>one</li><li>two</li></ul>                        | one two
            <td>cell</td><td>cell</td>                               | cell cell
            before<script>var x = '<p>no</p>';</script>after         | before after
            before<style>p { color: red }</style>after               | before after
            before<SCRIPT type="x">alert(1)</SCRIPT >after           | before after
            <p onclick="x()">click <a href="/x?a=1&amp;b=2">here</a></p> | click here
            <noscript><img src=x></noscript>seen                     | seen
            '  lots   of \n\n whitespace  '                          | lots of whitespace
            plain text with no markup                                | plain text with no markup
            <p>L’été à Montréal: “très” chaud</p>                    | L’été à Montréal: “très” chaud
            """)
    void summaryKeepsTextOfFragment(String html, String expected) {
        assertEquals(expected, PlainText.summary(unescape(html), 1000));
    }

    @Test
    void summaryAcceptsUnlimitedMaxChars() {
        assertEquals("a b", PlainText.summary("<p>a</p><p>b</p>", Integer.MAX_VALUE));
    }

    @Test
    void summaryIsEmptyForNull() {
        assertEquals("", PlainText.summary(null, 100));
    }

    @Test
    void summaryKeepsTextOfExactlyMaxChars() {
        assertEquals("abc def", PlainText.summary("<p>abc def</p>", 7));
    }

    @Test
    void summaryCutsAtWordBoundaryWithEllipsis() {
        assertEquals("The quick brown…", PlainText.summary("<p>The quick brown fox jumps</p>", 18));
    }

    @Test
    void summaryCutsWordEndingExactlyAtLimit() {
        assertEquals("The quick…", PlainText.summary("The quick brown", 9));
    }

    @Test
    void summaryDropsTrailingCommaBeforeEllipsis() {
        assertEquals("One, two…", PlainText.summary("One, two, three, four", 10));
    }

    @Test
    void summaryCutsOverlongWordHard() {
        assertEquals("abcde…", PlainText.summary("abcdefghij", 5));
    }

    @Test
    void summaryNeverSplitsSurrogatePair() {
        String faces = "😀😀😀😀";
        String summary = PlainText.summary(faces, 3);
        assertEquals("😀…", summary);
    }

    @Test
    void summaryStaysWithinMaxCharsPlusEllipsis() {
        String html = "<p>" + "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(50) + "</p>";
        for (int max = 1; max < 200; max++) {
            String summary = PlainText.summary(html, max);
            assertTrue(summary.length() <= max + 1, () -> summary);
            assertTrue(summary.endsWith("…"), () -> summary);
        }
    }

    /** CSV cannot hold every character literally; the table spells some as \\uXXXX, \\t and \\n. */
    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == 'u') {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == 't' || s.charAt(i + 1) == 'n')) {
                out.append(s.charAt(i + 1) == 't' ? '\t' : '\n');
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
