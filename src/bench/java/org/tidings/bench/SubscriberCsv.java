package org.tidings.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a subscriber CSV for {@code subscribers import}: distinct addresses, a name on every other
 * row, categories on every fifth. For the command-line figures in the README, after
 * {@code mvn -q -Pbench test-compile}:
 *
 * <pre>java -cp target/test-classes org.tidings.bench.SubscriberCsv 100000 subscribers.csv</pre>
 */
public final class SubscriberCsv {
    private static final List<String> CATEGORIES = List.of("Technologie", "Science;Culture", "Presse");

    private SubscriberCsv() {
    }

    public static void main(String[] args) throws IOException {
        int rows = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("email,name,categories\n");
            for (int i = 1; i <= rows; i++) {
                w.write(row(i));
            }
        }
        System.out.println(rows + " rows written to " + file);
    }

    static String row(int i) {
        String name = i % 2 == 0 ? "\"Lectrice " + i + ", Paris\"" : "";
        String categories = i % 5 == 0 ? CATEGORIES.get(i / 5 % CATEGORIES.size()) : "";
        return "reader" + i + "@example.org," + name + "," + categories + "\n";
    }
}
