package org.tidings.bench;

import java.util.ArrayList;
import java.util.List;

/** The year benchmark's table: each measure, its figure, the target and whether it is met. */
final class YearReport {
    /** met, not met, or none when the issue sets no target for the measure. */
    enum Verdict {
        MET("met"), NOT_MET("**not met**"), NONE("");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        static Verdict of(boolean met) {
            return met ? MET : NOT_MET;
        }
    }

    private record Row(String measure, String figure, String target, Verdict verdict) {
    }

    private final List<Row> rows = new ArrayList<>();

    /** Adds a row and prints it at once, so that a run cut short still shows what it measured. */
    void add(String measure, String figure, String target, Verdict verdict) {
        Row row = new Row(measure, figure, target, verdict);
        rows.add(row);
        System.out.println("  " + line(row));
    }

    void info(String measure, String figure) {
        add(measure, figure, "", Verdict.NONE);
    }

    void print() {
        System.out.println();
        System.out.println("| measure | figure | target (issue 9) | |");
        System.out.println("|---|---|---|---|");
        rows.forEach(r -> System.out.println(line(r)));
        long met = rows.stream().filter(r -> r.verdict() == Verdict.MET).count();
        long notMet = rows.stream().filter(r -> r.verdict() == Verdict.NOT_MET).count();
        System.out.printf("%ntargets met: %d, not met: %d%n", met, notMet);
    }

    private static String line(Row r) {
        return "| " + r.measure() + " | " + r.figure() + " | " + r.target() + " | " + r.verdict().text + " |";
    }

    static String megabytes(long bytes) {
        return String.format("%,.0f MB", bytes / 1e6);
    }
}
