package org.tidings.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.EmailAddress;
import org.tidings.model.Subscriber;
import org.tidings.model.SubscriberStatus;
import org.tidings.store.NewSubscriber;
import org.tidings.web.WebFixture;

/** The links in every email: unsubscribe (page and RFC 8058 one-click) and preferences. */
class SubscriberPagesTest {
    @TempDir
    Path dir;
    private WebFixture web;
    private Subscriber ana;

    @BeforeEach
    void start() {
        web = new WebFixture(dir);
        web.article("Le Monde", "Presse", "Grève générale");
        web.article("Left Voice", "Politics", "General strike");
        ana = web.tidings.subscribers().add(new NewSubscriber(new EmailAddress("ana@example.org"), "Ana",
                List.of("Presse"), SubscriberStatus.ACTIVE), web.clock.instant()).subscriber();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void unsubscribePageIsOneButtonThatPostsBack() throws Exception {
        HttpResponse<String> r = web.get("/unsubscribe/" + ana.token());

        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<form method=\"post\" action=\"/unsubscribe/" + ana.token() + "\">"), r.body());
        assertTrue(r.body().contains("<button type=\"submit\">Unsubscribe</button>"), r.body());
        assertEquals(SubscriberStatus.ACTIVE, reload().status());
    }

    @Test
    void postingTheFormUnsubscribesAndOffersToSignUpAgain() throws Exception {
        HttpResponse<String> r = web.post("/unsubscribe/" + ana.token(), "");

        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("You are unsubscribed"), r.body());
        assertTrue(r.body().contains("action=\"/subscribe\"") && r.body().contains("value=\"ana@example.org\""),
                r.body());
        assertEquals(SubscriberStatus.UNSUBSCRIBED, reload().status());
        assertEquals(web.clock.instant(), reload().unsubscribedAt());
    }

    @Test
    void oneClickPostUnsubscribesWithAnEmptyAnswer() throws Exception {
        HttpResponse<String> r = web.post("/unsubscribe/" + ana.token(), "List-Unsubscribe=One-Click");
        web.clock.advance(Duration.ofHours(1));
        HttpResponse<String> again = web.post("/unsubscribe/" + ana.token(), "List-Unsubscribe=One-Click");

        assertEquals(200, r.statusCode());
        assertFalse(r.body().contains("<"), r.body());
        assertEquals(200, again.statusCode());
        assertEquals(SubscriberStatus.UNSUBSCRIBED, reload().status());
        assertEquals(web.clock.instant().minus(Duration.ofHours(1)), reload().unsubscribedAt());
    }

    @Test
    void oneClickPostAsMultipartFormDataUnsubscribesToo() throws Exception {
        String body = "--b\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--b--\r\n";

        HttpResponse<String> r = web.post("/unsubscribe/" + ana.token(), "multipart/form-data; boundary=b", body);

        assertEquals(200, r.statusCode());
        assertFalse(r.body().contains("<"), r.body());
        assertEquals(SubscriberStatus.UNSUBSCRIBED, reload().status());
    }

    @Test
    void unknownTokenIsAFriendlyPageOrAPlainNotFoundForOneClick() throws Exception {
        HttpResponse<String> page = web.get("/unsubscribe/nope");
        HttpResponse<String> post = web.post("/unsubscribe/nope", "");
        HttpResponse<String> oneClick = web.post("/unsubscribe/nope", "List-Unsubscribe=One-Click");
        HttpResponse<String> preferences = web.get("/preferences/nope");

        for (HttpResponse<String> r : List.of(page, post, preferences)) {
            assertEquals(404, r.statusCode());
            assertTrue(r.body().contains("This link is not known"), r.body());
        }
        assertEquals(404, oneClick.statusCode());
        assertEquals("Not found\n", oneClick.body());
        assertEquals(SubscriberStatus.ACTIVE, reload().status());
    }

    @Test
    void preferencesShowTheNameAndTheChosenCategories() throws Exception {
        HttpResponse<String> r = web.get("/preferences/" + ana.token());

        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("value=\"Ana\""), r.body());
        assertTrue(r.body().contains("value=\"Presse\" checked"), r.body());
        assertTrue(r.body().contains("value=\"Politics\">"), r.body());
        assertTrue(r.body().contains("<label for=\"preferences-category-0\">Politics</label>"), r.body());
    }

    @Test
    void savingPreferencesChangesNameAndCategories() throws Exception {
        HttpResponse<String> r = web.post("/preferences/" + ana.token(), "name=Ana+N.&categories=politics"
                + "&categories=Presse");
        HttpResponse<String> none = web.post("/preferences/" + ana.token(), "name=");

        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("Saved."), r.body());
        assertTrue(r.body().contains("value=\"Politics\" checked") && r.body().contains("value=\"Ana N.\""), r.body());
        assertEquals(200, none.statusCode());
        assertEquals(List.of(), reload().categories());
        assertEquals(null, reload().name());
    }

    @Test
    void preferencesWithAnUnknownCategoryOrTooLongANameAreRefused() throws Exception {
        HttpResponse<String> category = web.post("/preferences/" + ana.token(), "name=Ana&categories=%3Cscript%3E");
        HttpResponse<String> name = web.post("/preferences/" + ana.token(), "name=" + "x".repeat(201));

        assertEquals(400, category.statusCode());
        assertTrue(category.body().contains("choose among the listed categories"), category.body());
        assertFalse(category.body().contains("<script>"), category.body());
        assertEquals(400, name.statusCode());
        assertTrue(name.body().contains("The name is too long"), name.body());
        assertEquals(List.of("Presse"), reload().categories());
        assertEquals("Ana", reload().name());
    }

    private Subscriber reload() {
        return web.tidings.subscribers().find(ana.id()).orElseThrow();
    }
}
