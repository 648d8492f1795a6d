package org.tidings.config;

/** The version of Tidings, from the jar manifest or the filtered build resource. */
public final class Version {
    private Version() {
    }

    public static String current() {
        try (var in = Version.class.getResourceAsStream("/tidings-version.txt")) {
            if (in != null) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            }
        } catch (java.io.IOException e) {
            // fall through: a version is informative only
        }
        return "dev";
    }
}
