package org.tidings.bench;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tidings.Tidings;
import org.tidings.model.EmailAddress;
import org.tidings.model.Entry;
import org.tidings.model.Feed;
import org.tidings.model.SubscriberStatus;
import org.tidings.store.NewFeed;
import org.tidings.store.NewSubscriber;

/**
 * A week of a newsletter: feeds in three categories, articles first seen now with multilingual
 * titles (accents, curly quotes, CJK) and ~400-character summaries, and active subscribers of whom
 * one in five picks categories. Seeded, so every run builds the same issue.
 */
final class NewsletterData {
    static final List<String> CATEGORIES = List.of("Technologie", "Science", "Culture");

    private static final String[] TITLES = {
        "L’été où les «\u00A0serveurs\u00A0» ont appris à se taire",
        "Warum „kleine“ Datenbanken größer sind, als man denkt",
        "“Just ship it”: what we learned from %d releases",
        "La cámara de Ñandú: cómo se fotografió el eclipse",
        "Η νέα έκδοση του πυρήνα φέρνει αλλαγές",
        "東京の図書館がRSSを再発見した理由",
        "Øresund-broen: 25 år med trafik og målinger",
        "Žluťoučký kůň a další testy Unicode v poště",
    };
    private static final String[] WORDS = {
        "réseau", "données", "Straße", "équipe", "año", "naïve", "café", "Übersicht", "système", "façade",
        "the", "and", "of", "feed", "reader", "newsletter", "release", "kernel", "library", "protocol",
        "“quoted”", "l’histoire", "déjà", "über", "coöperation", "résumé", "piñata", "smörgåsbord", "fjord",
        "performance", "latency", "throughput", "memory", "server", "client", "message", "delivery", "archive",
    };
    private static final String[] NAMES = {"Zoë Müller", "Jürgen O’Brien", "Ana Núñez", "Chloé Dubois", "Søren Kierkegaard"};

    private NewsletterData() {
    }

    /** @return the feeds, in the order created */
    static List<Feed> feeds(Tidings t, int count, Instant now) {
        List<Feed> feeds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String category = CATEGORIES.get(i % CATEGORIES.size());
            NewFeed f = new NewFeed(URI.create("https://feeds" + i + ".example.org/feed.xml"),
                    "Blog n°" + i + " — " + category + " & Co.", URI.create("https://feeds" + i + ".example.org/"),
                    category);
            feeds.add(t.feeds().addIfAbsent(f, now).orElseThrow());
        }
        return feeds;
    }

    /** Saves {@code count} articles spread over the feeds, published over the last six days. */
    static void articles(Tidings t, List<Feed> feeds, int count, Instant now) {
        Random random = new Random(42);
        List<List<Entry>> byFeed = new ArrayList<>();
        feeds.forEach(f -> byFeed.add(new ArrayList<>()));
        for (int i = 0; i < count; i++) {
            String title = String.format(TITLES[i % TITLES.length], i) + " (" + i + ")";
            Instant published = now.minus(Duration.ofMinutes(random.nextInt(6 * 24 * 60)));
            URI url = URI.create("https://feeds" + (i % feeds.size()) + ".example.org/" + published.getEpochSecond()
                    + "/article-" + i);
            byFeed.get(i % feeds.size()).add(new Entry(url.toString(), url, title, List.of(NAMES[i % NAMES.length]),
                    published, null, summary(random, 400), "<p>" + summary(random, 1200) + "</p>", List.of()));
        }
        for (int i = 0; i < feeds.size(); i++) {
            t.articles().save(feeds.get(i).id(), byFeed.get(i), now);
        }
    }

    /** Active subscribers; every fifth one wants one or two categories, the rest everything. */
    static void subscribers(Tidings t, int count, Instant now) {
        for (int i = 0; i < count; i++) {
            List<String> categories = i % 5 != 0 ? List.of()
                    : i % 10 == 0 ? List.of(CATEGORIES.get(i % 3)) : List.of(CATEGORIES.get(i % 3), CATEGORIES.get((i + 1) % 3));
            String name = i % 3 == 0 ? null : NAMES[i % NAMES.length] + " " + i;
            t.subscribers().add(new NewSubscriber(EmailAddress.parse("reader" + i + "@example.org"), name, categories,
                    SubscriberStatus.ACTIVE), now);
        }
    }

    private static String summary(Random random, int length) {
        StringBuilder s = new StringBuilder(length + 20);
        while (s.length() < length) {
            if (s.length() > 0) {
                s.append(random.nextInt(12) == 0 ? ". " : " ");
            }
            s.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return s.append('.').toString();
    }
}
