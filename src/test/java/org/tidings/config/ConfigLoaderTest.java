package org.tidings.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void usesDocumentedDefaultsWithoutAFile() {
        TidingsConfig c = new ConfigLoader(dir, Map.of()).load(null);

        assertEquals(dir.resolve("data").toAbsolutePath(), c.dataDir());
        assertTrue(c.dbUrl().startsWith("jdbc:h2:retry:" + dir.resolve("data").toAbsolutePath()));
        assertEquals(Duration.ofSeconds(20), c.fetch().timeout());
        assertEquals(10_485_760L, c.fetch().maxBytes());
        assertEquals(8, c.fetch().concurrency());
        assertEquals(2, c.fetch().perHost());
        assertEquals(Duration.ofHours(1), c.fetch().interval());
        assertEquals(Duration.ofMinutes(15), c.fetch().minInterval());
        assertEquals(Duration.ofHours(24), c.fetch().maxInterval());
        assertEquals(Duration.ofDays(7), c.fetch().giveUpAfter());
        assertTrue(c.fetch().userAgent().startsWith("Tidings/"));
    }

    @Test
    void readsAPostgreSQLDatabaseWithItsLoginAndPoolAndNeverPrintsThePassword() throws IOException {
        Path file = Files.writeString(dir.resolve("pg.properties"),
                "db.url=jdbc:postgresql://db.example.org/tidings\ndb.username=tidings\ndb.pool-size=12\n");

        DatabaseConfig db = new ConfigLoader(dir, Map.of("TIDINGS_DB_PASSWORD", "s3cret")).load(file).db();

        assertEquals("jdbc:postgresql://db.example.org/tidings", db.url());
        assertEquals("tidings", db.username());
        assertEquals("s3cret", db.password());
        assertEquals(java.util.OptionalInt.of(12), db.poolSize());
        assertTrue(db.shared());
        assertFalse(db.toString().contains("s3cret"), db.toString());
        assertFalse(new ConfigLoader(dir, Map.of()).load(null).db().shared());
    }

    @Test
    void resolvesDataDirAgainstTheConfigFilesFolder() throws IOException {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Path file = Files.writeString(etc.resolve("my.properties"), "data.dir=store\nfetch.concurrency=3\n");

        TidingsConfig c = new ConfigLoader(dir, Map.of()).load(file);

        assertEquals(etc.resolve("store").toAbsolutePath(), c.dataDir());
        assertEquals(3, c.fetch().concurrency());
    }

    @Test
    void readsConfigFolderOfTheWorkingDirectory() throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/tidings.properties"), "fetch.per-host=5\n");

        assertEquals(5, new ConfigLoader(dir, Map.of()).load(null).fetch().perHost());
    }

    @Test
    void environmentOverridesTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("t.properties"), "fetch.timeout=PT5S\n");

        TidingsConfig c = new ConfigLoader(dir, Map.of("TIDINGS_FETCH_TIMEOUT", "PT7S",
                "TIDINGS_FETCH_MAX_BYTES", "1000")).load(file);

        assertEquals(Duration.ofSeconds(7), c.fetch().timeout());
        assertEquals(1000, c.fetch().maxBytes());
    }

    @Test
    void invalidDurationNamesTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader(dir, Map.of("TIDINGS_FETCH_TIMEOUT", "20 seconds")).load(null));

        assertEquals("Invalid configuration fetch.timeout: not an ISO-8601 duration such as PT20S: '20 seconds'",
                e.getMessage());
    }

    @Test
    void negativeNumberNamesTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader(dir, Map.of("TIDINGS_FETCH_CONCURRENCY", "-1")).load(null));

        assertTrue(e.getMessage().startsWith("Invalid configuration fetch.concurrency:"), e.getMessage());
    }

    @Test
    void digestBudgetIs90000BytesByDefaultAndRefusesLessThan20000NamingTheKey() {
        assertEquals(90_000, new ConfigLoader(dir, Map.of()).load(null).digest().maxBytes());
        assertEquals(20_000, new ConfigLoader(dir, Map.of("TIDINGS_DIGEST_MAX_BYTES", "20000")).load(null).digest()
                .maxBytes());

        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader(dir, Map.of("TIDINGS_DIGEST_MAX_BYTES", "19999")).load(null));

        assertEquals("Invalid configuration digest.max-bytes: must be at least 20000, got 19999", e.getMessage());
    }

    @Test
    void minIntervalLongerThanMaxIntervalNamesTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader(dir,
                Map.of("TIDINGS_FETCH_MIN_INTERVAL", "PT2H", "TIDINGS_FETCH_MAX_INTERVAL", "PT1H")).load(null));

        assertEquals("Invalid configuration fetch.min-interval: must not be longer than fetch.max-interval (PT1H),"
                + " got PT2H", e.getMessage());
    }

    @Test
    void unknownKeyInTheFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("t.properties"), "fetch.timout=PT5S\n");

        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader(dir, Map.of()).load(file));

        assertTrue(e.getMessage().contains("fetch.timout"), e.getMessage());
    }

    @Test
    void missingConfigFileIsAClearError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader(dir, Map.of()).load(dir.resolve("nope.properties")));

        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void everyKeyIsDocumentedWithItsDefaultInTheShippedFile() throws IOException {
        String doc = Files.readString(Path.of("config/tidings.properties"));

        for (String key : ConfigLoader.KNOWN_KEYS) {
            assertTrue(doc.contains("\n#" + key + "="), "config/tidings.properties does not document " + key);
        }
    }

    @Test
    void theShippedFileLoadsAsIs() {
        TidingsConfig c = new ConfigLoader(Path.of("").toAbsolutePath(), Map.of()).load(Path.of("config/tidings.properties"));

        assertEquals("file", c.mail().transport());
    }

    @Test
    void smtpTransportNeedsAHost() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader(dir, Map.of("TIDINGS_MAIL_TRANSPORT", "smtp")).load(null));

        assertEquals("Invalid configuration smtp.host: must be set when mail.transport is smtp", e.getMessage());
    }

    @Test
    void settingTheSmtpHostSwitchesToSmtp() {
        TidingsConfig c = new ConfigLoader(dir, Map.of("TIDINGS_SMTP_HOST", "mail.example.org")).load(null);

        assertEquals("smtp", c.mail().transport());
        assertEquals(587, c.mail().smtp().port());
    }

    @Test
    void badFromAddressNamesTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader(dir, Map.of("TIDINGS_MAIL_FROM", "Tidings <nope>")).load(null));

        assertTrue(e.getMessage().startsWith("Invalid configuration mail.from: invalid email address 'nope'"),
                e.getMessage());
    }

    @Test
    void environmentNameFollowsTheKey() {
        assertEquals("TIDINGS_FETCH_MAX_BYTES", ConfigLoader.envName("fetch.max-bytes"));
    }

    @Test
    void webServerListensOnLoopbackPort8080ByDefault() {
        TidingsConfig c = new ConfigLoader(dir, Map.of()).load(null);

        assertEquals(new WebConfig("127.0.0.1", 8080, java.time.Duration.ofDays(2), 32, 64), c.web());
    }

    @Test
    void portOutOfRangeNamesTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader(dir, Map.of("TIDINGS_HTTP_PORT", "70000")).load(null));

        assertEquals("Invalid configuration http.port: must be between 0 and 65535, got 70000", e.getMessage());
    }

    @Test
    void requestLimitThatIsNotPositiveNamesTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader(dir, Map.of("TIDINGS_HTTP_MAX_QUEUED", "0")).load(null));

        assertEquals("Invalid configuration http.max-queued: must be a positive number, got 0", e.getMessage());
    }

    @Test
    void readsDeliverabilityKeysAndNeverPrintsTheMailboxPassword() throws IOException {
        Path file = Files.writeString(dir.resolve("d.properties"), String.join("\n", "mail.dkim.domain=Example.ORG",
                "mail.dkim.selector=s2026", "mail.dkim.key-file=keys/dkim.pem", "mail.bounce-address=bounces@example.org",
                "mail.soft-bounce-limit=4", "inbound.url=imaps://bounces:s3cret@mail.example.org/INBOX",
                "inbound.interval=PT1M", ""));

        DeliverabilityConfig d = new ConfigLoader(dir, Map.of()).load(file).deliverability();

        assertEquals("example.org", d.dkim().domain());
        assertEquals("s2026", d.dkim().selector());
        assertEquals(dir.resolve("keys/dkim.pem").toAbsolutePath(), d.dkim().keyFile());
        assertEquals("bounces@example.org", d.bounceAddress().value());
        assertEquals(4, d.softBounceLimit());
        assertEquals(Duration.ofMinutes(1), d.inbound().interval());
        assertEquals("imaps://bounces:***@mail.example.org/INBOX", d.inbound().safeUrl());
        assertFalse(d.toString().contains("s3cret"), d.toString());
    }

    @Test
    void deliverabilityIsOffByDefault() {
        DeliverabilityConfig d = new ConfigLoader(dir, Map.of()).load(null).deliverability();

        assertEquals(null, d.dkim());
        assertEquals(null, d.bounceAddress());
        assertEquals(null, d.inbound());
        assertEquals(3, d.softBounceLimit());
    }

    @Test
    void refusesHalfADkimSetUpABounceAddressWithAPlusAndAnUnknownMailboxScheme() {
        ConfigException dkim = assertThrows(ConfigException.class, () -> new ConfigLoader(dir,
                Map.of("TIDINGS_MAIL_DKIM_DOMAIN", "example.org")).load(null));
        ConfigException plus = assertThrows(ConfigException.class, () -> new ConfigLoader(dir,
                Map.of("TIDINGS_MAIL_BOUNCE_ADDRESS", "bounces+x@example.org")).load(null));
        ConfigException scheme = assertThrows(ConfigException.class, () -> new ConfigLoader(dir,
                Map.of("TIDINGS_INBOUND_URL", "http://mail.example.org/")).load(null));

        assertTrue(dkim.getMessage().contains("mail.dkim.selector"), dkim.getMessage());
        assertTrue(plus.getMessage().contains("mail.bounce-address"), plus.getMessage());
        assertTrue(scheme.getMessage().contains("inbound.url"), scheme.getMessage());
    }

    @Test
    void refusesAMailboxToPollWithoutABounceAddressForItsMailToName() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader(dir,
                Map.of("TIDINGS_INBOUND_URL", "imaps://bounces:pw@mail.example.org/INBOX")).load(null));

        assertTrue(e.getMessage().startsWith("Invalid configuration inbound.url: needs mail.bounce-address"),
                e.getMessage());
    }

    @Test
    void refusesABounceAddressTooLongToTakeItsTokenWithinSixtyFourCharacters() {
        String longest = "b".repeat(24) + "@example.org";
        ConfigException tooLong = assertThrows(ConfigException.class, () -> new ConfigLoader(dir,
                Map.of("TIDINGS_MAIL_BOUNCE_ADDRESS", "b" + longest)).load(null));

        assertEquals(longest, new ConfigLoader(dir, Map.of("TIDINGS_MAIL_BOUNCE_ADDRESS", longest)).load(null)
                .deliverability().bounceAddress().value());
        assertTrue(tooLong.getMessage().startsWith("Invalid configuration mail.bounce-address: the part before @ must"
                + " be at most 24 characters"), tooLong.getMessage());
    }

    @Test
    void acceptsEveryKeyTheDocumentedDefaultsFileNames() throws IOException {
        java.util.List<String> documented = Files.readAllLines(Path.of("config", "tidings.properties")).stream()
                .filter(l -> l.matches("#[a-z][a-z0-9.-]*=.*")).map(l -> l.substring(1, l.indexOf('='))).toList();

        assertTrue(documented.size() > 30, "documented keys found: " + documented);
        for (String key : documented) {
            assertTrue(ConfigLoader.KNOWN_KEYS.contains(key), key + " is documented but refused as unknown");
        }
    }
}
