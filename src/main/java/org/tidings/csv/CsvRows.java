package org.tidings.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes (which may hold commas,
 * doubled quotes and line breaks), CRLF or LF line ends. Small enough not to need a library.
 */
public final class CsvRows {
    private final Reader in;
    private int line = 1;
    private int peeked = -2;

    public CsvRows(Reader in) {
        this.in = in;
    }

    /** The line the next row starts on, for error messages. */
    public int line() {
        return line;
    }

    /** The next row's fields, or null at the end. */
    public List<String> next() throws IOException {
        if (peek() == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            int c = read();
            if (quoted) {
                if (c == -1) {
                    throw new IOException("line " + line + ": unclosed quote");
                } else if (c == '"' && peek() == '"') {
                    read();
                    field.append('"');
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == -1) {
                fields.add(stripCr(field));
                return fields;
            } else {
                field.append((char) c);
            }
        }
    }

    /** Quotes a field when it needs it. */
    public static String quote(String s) {
        if (s == null) {
            return "";
        }
        boolean needs = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    private static String stripCr(StringBuilder sb) {
        int n = sb.length();
        return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }

    private int read() throws IOException {
        int c = peek();
        peeked = -2;
        if (c == '\n') {
            line++;
        }
        return c;
    }
}
