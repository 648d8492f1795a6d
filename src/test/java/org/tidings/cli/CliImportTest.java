package org.tidings.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code subscribers import} of files larger than one of its transactions (1,000 rows). */
class CliImportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BAD_LINE = Pattern.compile("list\\.csv line (\\d+): invalid email address");

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.run(dir, Map.of(), args);
    }

    @Test
    void importsGoodRowsAcrossChunksAndReportsEachBadRowByLine() throws IOException {
        run("subscribers", "add", "--confirmed", "gone@example.org");
        run("subscribers", "remove", "gone@example.org");
        run("subscribers", "add", "waiting@example.org");
        StringBuilder csv = new StringBuilder("email,name,categories\n");
        for (int i = 1; i <= 2500; i++) {
            csv.append(switch (i) {
                case 3 -> "gone@example.org,Gone,\n";
                case 4 -> "waiting@example.org,Waiting,\n";
                case 1502 -> "reader1501@example.org,Twice in one chunk,\n";
                case 2001 -> "Reader1@Example.org,Again in a later chunk,\n";
                default -> i % 100 == 0 ? "not-an-address-" + i + ",Bad,\n"
                        : "reader" + i + "@example.org,Reader " + i + ",Presse\n";
            });
        }
        Files.writeString(dir.resolve("list.csv"), csv);

        CliRun imported = run("subscribers", "import", "list.csv");

        assertEquals(0, imported.exitCode, imported.toString());
        assertTrue(imported.out.contains("Imported 2471 subscribers (4 already known, 25 bad rows)"), imported.out);
        List<Integer> badLines = BAD_LINE.matcher(imported.out).results().map(m -> Integer.parseInt(m.group(1)))
                .toList();
        // The header is line 1, so row i is on line i + 1.
        assertEquals(IntStream.rangeClosed(1, 25).map(n -> n * 100 + 1).boxed().toList(), badLines);
        Map<String, JsonNode> byEmail = subscribers();
        assertEquals(2473, byEmail.size());
        assertEquals("unsubscribed", byEmail.get("gone@example.org").get("status").asText());
        assertEquals("pending", byEmail.get("waiting@example.org").get("status").asText());
        assertEquals("Reader 1", byEmail.get("reader1@example.org").get("name").asText());
        assertEquals("Reader 1501", byEmail.get("reader1501@example.org").get("name").asText());
        JsonNode last = byEmail.get("reader2499@example.org");
        assertEquals("active", last.get("status").asText());
        assertEquals("Presse", last.get("categories").get(0).asText());
        assertFalse(byEmail.containsKey("reader2500@example.org"));
    }

    @Test
    void pendingImportSendsOneConfirmationPerNewAddress() throws IOException {
        run("subscribers", "add", "--confirmed", "known@example.org");
        Files.writeString(dir.resolve("list.csv"), "email,name,categories\nana@example.org,Ana,\n"
                + "known@example.org,Known,\nANA@example.org,Ana again,\njean@example.fr,Jean,\n");

        CliRun imported = run("subscribers", "import", "--pending", "list.csv");

        assertTrue(imported.out.contains("Imported 2 subscribers (2 already known, 0 bad rows, 2 confirmation emails"
                + " sent)"), imported.out);
        assertEquals(2, emails());
        Map<String, JsonNode> byEmail = subscribers();
        assertEquals("active", byEmail.get("known@example.org").get("status").asText());
        assertEquals("pending", byEmail.get("ana@example.org").get("status").asText());
    }

    private Map<String, JsonNode> subscribers() throws IOException {
        Map<String, JsonNode> byEmail = new HashMap<>();
        JSON.readTree(run("subscribers", "list", "--format", "json").out)
                .forEach(s -> byEmail.put(s.get("email").asText(), s));
        return byEmail;
    }

    private long emails() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("data/outbox"))) {
            return files.filter(p -> p.toString().endsWith(".eml")).count();
        }
    }
}
