package org.tidings.parse.sanitize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlSanitizerTest {
    private static final URI BASE = URI.create("https://blog.example.com/2024/03/post/");
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    private String sanitize(String html) {
        return sanitizer.sanitize(html, BASE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n\t"})
    void returnsEmptyForNullOrBlank(String html) {
        assertEquals("", sanitize(html));
    }

    @Test
    void keepsSimpleFormatting() {
        String html = "<p>Hello <b>bold</b> <em>em</em> <code>x</code></p><h2>Title</h2><ul><li>one</li></ul>";
        assertEquals(html, sanitize(html));
    }

    @Test
    void dropsScriptWithContent() {
        assertEquals("<p>Hello</p>", sanitize("<p>Hello</p><script>alert('x')</script>"));
    }

    @Test
    void dropsStyleWithContent() {
        assertEquals("<p>Hello</p>", sanitize("<style>p { color: red }</style><p>Hello</p>"));
    }

    @Test
    void dropsIframeObjectAndEmbed() {
        String html = "<iframe src=\"https://evil.example/\">fallback</iframe><object data=\"x.swf\"><param name=a value=b>alt</object>"
                + "<embed src=\"x.swf\"><p>kept</p>";
        assertEquals("<p>kept</p>", sanitize(html));
    }

    @Test
    void dropsFormsWithTheirControls() {
        assertEquals("<p>after</p>", sanitize("<form action=\"/subscribe\"><input name=\"email\">Sign up<button>Go</button></form><p>after</p>"));
    }

    @Test
    void dropsVideoAndAudioWithFallbackText() {
        assertEquals("<p>ok</p>", sanitize("<video src=\"a.mp4\">Your browser does not support video</video><audio src=\"a.mp3\">No audio</audio><p>ok</p>"));
    }

    @Test
    void dropsOnClickHandlers() {
        assertEquals("<p>Text</p>", sanitize("<p onclick=\"steal()\" onmouseover=\"steal()\">Text</p>"));
    }

    @Test
    void dropsStyleClassAndIdAttributes() {
        assertEquals("<p>Text</p>", sanitize("<p style=\"color:red\" class=\"lead\" id=\"intro\">Text</p>"));
    }

    @Test
    void dropsJavascriptUrlInAnyCase() {
        assertEquals("click", sanitize("<a href=\"JaVaScRiPt:alert(1)\">click</a>"));
    }

    @Test
    void dropsJavascriptUrlSpelledWithEntities() {
        assertEquals("click", sanitize("<a href=\"&#106;&#x61;vascript&colon;alert(1)\">click</a>"));
    }

    @Test
    void dropsJavascriptUrlHiddenByTabs() {
        assertEquals("click", sanitize("<a href=\"jav&#x09;ascript:alert(1)\">click</a>"));
    }

    @Test
    void dropsDataAndVbscriptUrls() {
        assertEquals("a b", sanitize("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">a</a> <a href=\"vbscript:msgbox\">b</a>"));
    }

    @Test
    void dropsOnErrorFromImage() {
        assertEquals("<img src=\"https://blog.example.com/2024/03/post/x\" />", sanitize("<img src=x onerror=alert(1)>"));
    }

    @Test
    void dropsImageWithJavascriptSource() {
        assertEquals("<p>a</p>", sanitize("<p>a<img src=\"javascript:alert(1)\"></p>"));
    }

    @Test
    void dropsScriptInsideSvg() {
        assertEquals("after", sanitize("<svg><script>alert(1)</script><circle r=\"5\"/></svg>after"));
    }

    @Test
    void dropsScriptHiddenInAttributeValue() {
        String out = sanitize("<p title=\"<script>alert(1)</script>\">x</p><img alt=\"\" src=\"a.png\" title='\"><script>alert(1)</script>'>");
        assertFalse(out.toLowerCase(Locale.ROOT).contains("<script"), out);
    }

    @Test
    void dropsMutationXssThroughNoscript() {
        String out = sanitize("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>ok");
        assertFalse(out.contains("onerror"), out);
    }

    @Test
    void removesOneByOneTrackingImage() {
        assertEquals("<p>Text</p>", sanitize("<p>Text<img src=\"https://t.example/p.gif\" width=\"1\" height=\"1\"></p>"));
    }

    @Test
    void removesZeroSizeAndPixelUnitTrackingImages() {
        assertEquals("<p>Text</p>", sanitize("<p>Text<img src=\"/a.gif\" width=\"0\" height=\"0\"><img src=\"/b.gif\" width=\"1px\" height=\"1px\"></p>"));
    }

    @Test
    void removesImagesFromKnownTrackers() {
        String html = "<p>Text</p><img src=\"http://feeds.feedburner.com/~r/Blog/~4/abc\" alt=\"\">"
                + "<img src=\"https://pixel.wp.com/g.gif?blog=1\"><img src=\"https://stats.wordpress.com/b.gif?x=1\">";
        assertEquals("<p>Text</p>", sanitize(html));
    }

    @Test
    void keepsNormalImageWithSize() {
        assertEquals("<img src=\"https://cdn.example.com/a.jpg\" alt=\"A cat\" width=\"600\" height=\"400\" />",
                sanitize("<img src=\"https://cdn.example.com/a.jpg\" alt=\"A cat\" width=\"600\" height=\"400\" class=\"wp-image-1\" srcset=\"x 2x\">"));
    }

    @Test
    void makesRelativeUrlsAbsolute() {
        assertEquals("<a href=\"https://blog.example.com/2024/03/other\" rel=\"nofollow noopener\">link</a> "
                        + "<img src=\"https://blog.example.com/img/a.png\" />",
                sanitize("<a href=\"../other\">link</a> <img src=\"/img/a.png\">"));
    }

    @Test
    void givesSchemeRelativeUrlsTheBaseScheme() {
        assertEquals("<img src=\"https://cdn.example.net/a.png\" />", sanitize("<img src=\"//cdn.example.net/a.png\">"));
    }

    @Test
    void usesLazyLoadedImageSource() {
        assertEquals("<img src=\"https://blog.example.com/real.jpg\" />",
                sanitize("<img data-src=\"/real.jpg\" src=\"data:image/gif;base64,R0lGOD\">"));
    }

    @Test
    void addsNofollowNoopenerToLinks() {
        assertEquals("<a href=\"https://example.org/\" title=\"Example\" rel=\"nofollow noopener\">x</a>",
                sanitize("<a href=\"https://example.org/\" title=\"Example\" target=\"_blank\" rel=\"author\">x</a>"));
    }

    @Test
    void keepsMailtoLinks() {
        assertEquals("<a href=\"mailto:editor&#64;example.com\" rel=\"nofollow noopener\">write</a>",
                sanitize("<a href=\"mailto:editor@example.com\">write</a>"));
    }

    @Test
    void removesShareLinksWithTheirText() {
        String html = "<p>Read on. <a href=\"https://www.facebook.com/sharer/sharer.php?u=x\">Share on Facebook</a>"
                + "<a href=\"https://twitter.com/intent/tweet?url=x\">Tweet</a><a href=\"https://x.com/intent/post?x\">Post</a>"
                + "<a href=\"https://www.linkedin.com/shareArticle?mini=true\">LinkedIn</a>"
                + "<a href=\"https://pinterest.com/pin/create/button/?url=x\">Pin</a><a href=\"https://www.reddit.com/submit?url=x\">Reddit</a>"
                + "<a href=\"https://api.whatsapp.com/send?text=x\">WhatsApp</a><a href=\"https://wa.me/?text=x\">WA</a>"
                + "<a href=\"https://t.me/share/url?url=x\">Telegram</a><a href=\"https://telegram.me/share/url?url=x\">TG</a></p>";
        assertEquals("<p>Read on. </p>", sanitize(html));
    }

    @Test
    void removesWordpressSharedaddyBlock() {
        String html = "<p>Post.</p><div class=\"sharedaddy sd-sharing-enabled\"><div class=\"robots-nocontent sd-block\">"
                + "<h3 class=\"sd-title\">Share this:</h3><ul><li><a href=\"https://blog.example.com/p/?share=twitter\">Twitter</a></li></ul>"
                + "</div></div>";
        assertEquals("<p>Post.</p>", sanitize(html));
    }

    @Test
    void removesFeedburnerFeedflare() {
        String html = "<p>Post.</p><div class=\"feedflare\"><a href=\"http://feeds.feedburner.com/~ff/Blog?a=x\">"
                + "<img src=\"http://feeds.feedburner.com/~ff/Blog?d=y\" border=\"0\"></img></a></div>";
        assertEquals("<p>Post.</p>", sanitize(html));
    }

    @Test
    void removesShareAndSocialContainersByClass() {
        String html = "<div class=\"share-buttons\"><a href=\"/x\">Share</a></div><p>kept</p>"
                + "<section class=\"post-social\">Follow us</section><div class=\"a2a_kit\">AddToAny</div>";
        assertEquals("<p>kept</p>", sanitize(html));
    }

    @Test
    void keepsContainerWhoseClassOnlyContainsShareInsideAWord() {
        assertEquals("<div>Market shareholders</div>", sanitize("<div class=\"shareholders\">Market shareholders</div>"));
    }

    @Test
    void removesEmptyWrappersLeftBehind() {
        assertEquals("<p>x y</p>", sanitize("<p>&nbsp;</p><p><br></p><div><span> </span></div><p>x<span> </span>y</p>"));
    }

    @Test
    void removesLinkLeftWithoutText() {
        assertEquals("<p>a  b</p>", sanitize("<p>a <a href=\"/x\"><svg><path d=\"M0\"/></svg></a> b</p>"));
    }

    @Test
    void keepsLinkAroundImage() {
        assertEquals("<a href=\"https://example.org/\" rel=\"nofollow noopener\"><img src=\"https://example.org/i.png\" /></a>",
                sanitize("<a href=\"https://example.org/\"><img src=\"https://example.org/i.png\"></a>"));
    }

    @Test
    void keepsEmptyTableCells() {
        assertEquals("<table><tbody><tr><td colspan=\"2\">a</td><td></td></tr></tbody></table>",
                sanitize("<table><tr><td colspan=2>a</td><td></td></tr></table>"));
    }

    @Test
    void keepsListStartTimeAndQuoteSource() {
        assertEquals("<ol start=\"3\"><li>x</li></ol><time datetime=\"2024-03-05\">today</time>"
                        + "<blockquote cite=\"https://blog.example.com/src\">q</blockquote>",
                sanitize("<ol start=3><li>x</li></ol><time datetime=\"2024-03-05\">today</time><blockquote cite=\"/src\">q</blockquote>"));
    }

    @Test
    void unwrapsPictureAndKeepsItsImage() {
        assertEquals("<img src=\"https://blog.example.com/2024/03/post/a.jpg\" />",
                sanitize("<picture><source srcset=\"a.webp\"><img src=\"a.jpg\"></picture>"));
    }

    @Test
    void closesUnclosedTags() {
        assertEquals("<p>unclosed <b>bold</b></p>", sanitize("<p>unclosed <b>bold"));
    }

    @Test
    void keepsFrenchGermanAndSpanishTextIntact() {
        String html = "<p>« L’été à Montréal » — “très” chaud. Über die Straße: „Zitat“. ¿Qué tal, señor? ¡Olé!</p>";
        assertEquals(html, sanitize(html));
    }

    @Test
    void escapesAsciiApostropheAndMarkupCharactersAsEntities() {
        assertEquals("<p>l&#39;été &lt;3 &amp; 1&#43;1&#61;2</p>", sanitize("<p>l'été &lt;3 &amp; 1+1=2</p>"));
    }

    @Test
    void isThreadSafe() throws Exception {
        String html = "<p>Hello <a href=\"x\">x</a><img src=\"a.png\" width=\"1\" height=\"1\"></p>";
        String expected = sanitize(html);
        Thread[] threads = new Thread[4];
        String[] results = new String[threads.length];
        for (int t = 0; t < threads.length; t++) {
            int slot = t;
            threads[t] = new Thread(() -> {
                String last = null;
                for (int n = 0; n < 2_000; n++) {
                    last = sanitize(html);
                }
                results[slot] = last;
            });
            threads[t].start();
        }
        for (int t = 0; t < threads.length; t++) {
            threads[t].join();
            assertEquals(expected, results[t]);
        }
    }
}
