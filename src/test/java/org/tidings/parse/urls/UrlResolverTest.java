package org.tidings.parse.urls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlResolverTest {
    private static final URI BASE = URI.create("https://blog.example.com/2024/03/post.html?p=1#top");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            image.png                          | https://blog.example.com/2024/03/image.png
            ./image.png                        | https://blog.example.com/2024/03/image.png
            ../image.png                       | https://blog.example.com/2024/image.png
            ../../../../image.png              | https://blog.example.com/image.png
            /wp-content/a.jpg                  | https://blog.example.com/wp-content/a.jpg
            ?p=2                               | https://blog.example.com/2024/03/post.html?p=2
            #comments                          | https://blog.example.com/2024/03/post.html?p=1#comments
            //cdn.example.net/a.jpg            | https://cdn.example.net/a.jpg
            http://other.example.org/x         | http://other.example.org/x
            HTTPS://Other.Example.ORG/X        | https://other.example.org/X
            https://example.org                | https://example.org/
            https://example.org:8443/x         | https://example.org:8443/x
            `  image.png  `                    | https://blog.example.com/2024/03/image.png
            my image.png                       | https://blog.example.com/2024/03/my%20image.png
            a{b}^c`.png                       | https://blog.example.com/2024/03/a%7Bb%7D%5Ec%60.png
            search?q=[1]                       | https://blog.example.com/2024/03/search?q=%5B1%5D
            café.html                          | https://blog.example.com/2024/03/caf%C3%A9.html
            100%.html                          | https://blog.example.com/2024/03/100%25.html
            a%20b.html                         | https://blog.example.com/2024/03/a%20b.html
            images\\photo.jpg                  | https://blog.example.com/2024/03/images/photo.jpg
            http:\\\\example.org\\a            | http://example.org/a
            https:/example.org/a               | https://example.org/a
            10:30-notes.html                   | https://blog.example.com/2024/03/10:30-notes.html
            https://bücher.example/straße      | https://xn--bcher-kva.example/stra%C3%9Fe
            https://[2001:db8::1]/x            | https://[2001:db8::1]/x
            https://user:pw@example.org/x      | https://example.org/x
            https://example.org/a#b#c          | https://example.org/a#b%23c
            mailto:editor@example.com          | mailto:editor@example.com
            MAILTO:editor@example.com?subject=Hi there | mailto:editor@example.com?subject=Hi%20there
            """)
    void resolvesAgainstBase(String ref, String expected) {
        assertEquals(URI.create(expected), UrlResolver.resolve(BASE, ref));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "ftp://example.org/file",
        "tel:+123456",
        "https://exa mple.org/",
        "https://example.org:http/",
        "https:///",
        "https://?q",
        "https://",
    })
    void rejectsUnsafeOrUnusableUrls(String ref) {
        assertNull(UrlResolver.resolve(BASE, ref));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void returnsNullForBlankReference(String ref) {
        assertNull(UrlResolver.resolve(BASE, ref));
    }

    @Test
    void keepsAbsoluteUrlWithoutBase() {
        assertEquals(URI.create("https://example.org/a"), UrlResolver.resolve(null, "https://example.org/a"));
    }

    @Test
    void returnsNullForRelativeUrlWithoutBase() {
        assertNull(UrlResolver.resolve(null, "image.png"));
    }

    @Test
    void givesSchemeRelativeUrlHttpsWithoutBase() {
        assertEquals(URI.create("https://cdn.example.net/a.jpg"), UrlResolver.resolve(null, "//cdn.example.net/a.jpg"));
    }

    @Test
    void givesSchemeRelativeUrlTheBaseScheme() {
        URI httpBase = URI.create("http://example.org/feed");
        assertEquals(URI.create("http://cdn.example.net/a.jpg"), UrlResolver.resolve(httpBase, "//cdn.example.net/a.jpg"));
    }

    @Test
    void resolvesAgainstBaseWithoutPath() {
        assertEquals(URI.create("https://example.org/a.png"), UrlResolver.resolve(URI.create("https://example.org"), "a.png"));
    }

    @Test
    void returnsNullForRelativeUrlAgainstNonWebBase() {
        assertNull(UrlResolver.resolve(URI.create("file:///home/feed.xml"), "a.png"));
    }

    @Test
    void returnsNullForOverlongIdnLabel() {
        assertNull(UrlResolver.resolve(BASE, "https://" + "ü".repeat(80) + ".example/"));
    }

    @Test
    void percentEncodesPipe() {
        assertEquals(URI.create("https://blog.example.com/2024/03/a%7Cb.png"), UrlResolver.resolve(BASE, "a|b.png"));
    }
}
