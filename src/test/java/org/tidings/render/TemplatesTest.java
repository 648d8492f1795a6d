package org.tidings.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.mail.WireSize;
import org.tidings.model.Digest;

class TemplatesTest {
    @TempDir
    Path dir;

    @Test
    void usesTheAdminsFileAndTheBuiltInCopiesForTheRest() throws IOException {
        write("_footer.txt.mustache", "\n-- \nSent by {{newsletterTitle}} · {{#email}}Stop: {{unsubscribeUrl}}{{/email}}\n");

        RenderedEmail email = render(Templates.load(dir));

        assertTrue(email.text().stripTrailing().endsWith("\n-- \nSent by Tidings · Stop: https://news.example/unsubscribe/"
                + SampleDigests.TOKEN), email.text());
        assertTrue(email.text().contains("View in browser: https://news.example/archive/42"), email.text());
        assertEquals(render(SampleDigests.builtIn()).html(), email.html());
    }

    @Test
    void loadsEverythingFromTheJarWhenTheFolderIsMissing() {
        RenderedEmail email = render(Templates.load(dir.resolve("nothing-here")));

        assertEquals(render(SampleDigests.builtIn()), email);
    }

    @Test
    void failsAtLoadNamingFileAndLineOfAnUnclosedSection() throws IOException {
        write("digest.html.mustache", "<html>\n<body>\n{{#sections}}\n<p>{{heading}}</p>\n</body>\n");

        TemplateException e = assertThrows(TemplateException.class, () -> Templates.load(dir));

        assertTrue(e.getMessage().startsWith(dir.resolve("digest.html.mustache") + " line 3: "), e.getMessage());
        assertTrue(e.getMessage().contains("sections"), e.getMessage());
    }

    @Test
    void failsAtLoadNamingTheBrokenPartial() throws IOException {
        write("_article.html.mustache", "<tr>\n<td>{{#hasUrl}}<a href=\"{{url}}\">{{title}}</a></td>\n</tr>\n");

        TemplateException e = assertThrows(TemplateException.class, () -> Templates.load(dir));

        assertTrue(e.getMessage().startsWith(dir.resolve("_article.html.mustache") + " line 2: "), e.getMessage());
    }

    @Test
    void failsAtLoadNamingAMissingPartial() throws IOException {
        write("confirm.txt.mustache", "{{greeting}}\n{{> _signature.txt}}\n");

        TemplateException e = assertThrows(TemplateException.class, () -> Templates.load(dir));

        assertTrue(e.getMessage().contains("confirm.txt.mustache"), e.getMessage());
        assertTrue(e.getMessage().contains("_signature.txt.mustache"), e.getMessage());
    }

    @Test
    void refusesPartialsOutsideTheTemplatesFolder() throws IOException {
        write("confirm.txt.mustache", "{{> ../secret.txt}}\n");

        TemplateException e = assertThrows(TemplateException.class, () -> Templates.load(dir));

        assertTrue(e.getMessage().contains("outside"), e.getMessage());
    }

    @Test
    void textTemplatesWriteValuesUnescapedButWithoutControlCharacters() throws IOException {
        write("digest.txt.mustache", "{{#sections}}{{#feeds}}{{#articles}}[{{title}}|{{summary}}]{{/articles}}{{/feeds}}{{/sections}}");
        Digest digest = SampleDigests.digest(SampleDigests.section("news", SampleDigests.feed(SampleDigests.BLOG,
                SampleDigests.article(SampleDigests.BLOG, "A & B <c>\r\u0007 \"d\"", "2023-05-20T10:00:00Z"))));

        String text = new DigestRenderer(Templates.load(dir), SampleDigests.CONFIG, SampleDigests.LINKS, WireSize::of)
                .render(digest, SampleDigests.MARIE).text();

        assertEquals("[A & B <c> \"d\"|Summary of A & B <c>\r\u0007 \"d\".]".replace("\r\u0007", ""), text);
    }

    @Test
    void insertsSanitizedContentRawOnlyWhereATemplateAsks() throws IOException {
        write("_article.html.mustache", "<div>{{{safeContentHtml}}}</div><p>{{safeContentHtml}}</p>\n");
        Digest digest = SampleDigests.digest(SampleDigests.section("news", SampleDigests.feed(SampleDigests.BLOG,
                SampleDigests.article(SampleDigests.BLOG, "Post", "2023-05-20T10:00:00Z"))));

        String html = new DigestRenderer(Templates.load(dir), SampleDigests.CONFIG, SampleDigests.LINKS, WireSize::of).renderWeb(digest);

        assertTrue(html.contains("<div><p>Body of Post</p></div>"), html);
        assertTrue(html.contains("<p>&lt;p&gt;Body of Post&lt;/p&gt;</p>"), html);
        assertFalse(render(SampleDigests.builtIn()).html().contains("Body of"));
    }

    private static RenderedEmail render(Templates templates) {
        return new DigestRenderer(templates, SampleDigests.CONFIG, SampleDigests.LINKS, WireSize::of)
                .render(SampleDigests.week(1), SampleDigests.MARIE);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
