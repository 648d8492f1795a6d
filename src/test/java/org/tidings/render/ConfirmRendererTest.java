package org.tidings.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class ConfirmRendererTest {
    private static final String CONFIRM = "https://news.example/confirm/" + SampleDigests.TOKEN;
    private final ConfirmRenderer renderer =
            new ConfirmRenderer(SampleDigests.builtIn(), SampleDigests.CONFIG, SampleDigests.LINKS);

    @Test
    void greetsByNameAndAsksForOneClick() {
        RenderedEmail email = renderer.render(SampleDigests.subscriber("Zoë <Müller>"));

        Document doc = Jsoup.parse(email.html());
        assertTrue(doc.text().contains("Hello Zoë <Müller>,"), doc.text());
        assertFalse(email.html().contains("<Müller>"));
        assertEquals(1, doc.select("a:contains(Confirm my subscription)").size());
        assertEquals(CONFIRM, doc.select("a:contains(Confirm my subscription)").attr("href"));
        assertTrue(email.text().startsWith("Hello Zoë <Müller>,\n"), email.text());
        assertTrue(email.text().contains("\n" + CONFIRM + "\n"), email.text());
        assertEquals("Confirm your subscription to Tidings", email.subject());
    }

    @Test
    void greetsPlainlyWithoutAName() {
        RenderedEmail email = renderer.render(SampleDigests.subscriber(null));

        assertTrue(email.text().startsWith("Hello,\n"), email.text());
        assertTrue(Jsoup.parse(email.html()).text().contains("Hello,"));
    }

    @Test
    void saysThatIgnoringItMeansNoEmails() {
        RenderedEmail email = renderer.render(SampleDigests.MARIE);

        assertTrue(email.text().contains("ignore this email"), email.text());
        assertTrue(email.text().contains("we will send you nothing"), email.text());
        assertTrue(Jsoup.parse(email.html()).text().contains("ignore this email"));
    }

    @Test
    void offersNoUnsubscribeBeforeThereIsASubscription() {
        RenderedEmail email = renderer.render(SampleDigests.MARIE);

        assertFalse(email.html().contains("unsubscribe/"));
        assertFalse(email.text().contains("unsubscribe/"));
        assertEquals("light dark", Jsoup.parse(email.html()).select("meta[name=color-scheme]").attr("content"));
    }
}
