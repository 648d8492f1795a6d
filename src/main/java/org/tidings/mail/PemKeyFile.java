package org.tidings.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Reads the DER bytes out of a PEM file holding one unencrypted PKCS#8 private key
 * ({@code -----BEGIN PRIVATE KEY-----}, as {@code openssl genpkey} writes it). Every other file is
 * refused with a reason a person can act on; nothing here throws for a bad file.
 */
final class PemKeyFile {
    /** An RSA 16384-bit key is about 13 KB of PEM; anything past this is not a key file. */
    private static final int MAX_BYTES = 64 * 1024;
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private PemKeyFile() {
    }

    /** What reading the file gave. */
    sealed interface Read {
    }

    /** The PKCS#8 DER of the key. */
    record Der(byte[] bytes) implements Read {
    }

    /** Why the file holds no usable key, for the configuration error. */
    record Refused(String reason) implements Read {
    }

    static Read read(Path file) {
        String pem;
        try {
            pem = readCapped(file);
        } catch (NoSuchFileException e) {
            return new Refused("no such file");
        } catch (AccessDeniedException e) {
            return new Refused("permission denied");
        } catch (IOException e) {
            return new Refused("could not read it: " + e.getMessage());
        }
        if (pem == null) {
            return new Refused("larger than " + MAX_BYTES / 1024 + " KB, not a key file");
        }
        return der(pem);
    }

    private static Read der(String pem) {
        if (pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            return new Refused("the key is encrypted; Tidings reads unencrypted keys only"
                    + " (write one with: openssl pkey -in encrypted.pem -out key.pem)");
        }
        if (pem.contains("-----BEGIN RSA PRIVATE KEY-----")) {
            return new Refused("a PKCS#1 RSA key; convert it to PKCS#8 with: openssl pkey -in old.pem -out key.pem");
        }
        int begin = pem.indexOf(BEGIN);
        int end = begin < 0 ? -1 : pem.indexOf(END, begin);
        if (end < 0) {
            return new Refused("not a PEM private key (no " + BEGIN + " ... " + END + ")");
        }
        String base64 = pem.substring(begin + BEGIN.length(), end).replaceAll("\\s+", "");
        try {
            return new Der(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            return new Refused("the PEM body is not valid base64");
        }
    }

    /** The file as ASCII, or null when it is larger than any key file. */
    private static String readCapped(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            return bytes.length > MAX_BYTES ? null : new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
