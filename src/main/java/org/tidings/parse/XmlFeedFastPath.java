package org.tidings.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jdom2.Document;
import org.tidings.parse.FormatSniffer.Kind;
import org.tidings.parse.FormatSniffer.Sniff;
import org.tidings.parse.text.Windows1252Controls;

/**
 * The common case, a well-formed RSS or Atom feed in UTF-8 or windows-1252, read straight from its
 * bytes: no decoding to a String, no repair pass. It answers only when the outcome is bound to be
 * the one {@link XmlFeedReader#read} gives; otherwise it returns null and that path decides, so
 * repairs, charset fallbacks, DOCTYPE rules and error wording live in one place.
 */
final class XmlFeedFastPath {
    /** Prologs are a declaration, a stylesheet, a comment or two; a longer one takes the other path. */
    private static final int PROLOG_LOOK_AHEAD = 4096;
    /** XmlRepair reads at most this many digits of a numeric character reference. */
    private static final int MAX_REFERENCE_DIGITS = 8;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private XmlFeedFastPath() {
    }

    /** @return the feed, or null when the repairing path must decide */
    static RawFeed readOrNull(byte[] body, String contentType, URI feedUrl) {
        XmlCharsetDecoder.Choice choice = XmlCharsetDecoder.choose(body, contentType);
        if (!isAsciiBased(choice.charset())) {
            return null;
        }
        Sniff sniff = sniffProlog(body, choice.start());
        if (sniff == null) {
            return null;
        }
        int rootStart = choice.start() + sniff.rootStart();
        // The parser never sees the prolog, but invalid UTF-8 there still makes the whole text windows-1252.
        if (choice.utf8OrWindows1252() && !isUtf8(body, choice.start(), rootStart)) {
            return null;
        }
        if (hasReferenceRepairRewrites(body, rootStart)) {
            return null;
        }
        // Starting at the root, like the other path, drops the XML declaration (its encoding and
        // version must not count) and any DOCTYPE (so no DTD is ever looked at).
        Document document = SafeXmlReader.readOrNull(body, rootStart, choice.charset());
        return document == null ? null : XmlFeedReader.map(document, sniff.rootName(), feedUrl);
    }

    /**
     * Markup is ASCII and ASCII bytes are ASCII characters in both charsets, so the prolog can be
     * sniffed as Latin-1, where byte offsets are character offsets.
     */
    private static boolean isAsciiBased(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) || charset.equals(XmlCharsetDecoder.WINDOWS_1252);
    }

    /** @return the sniff when the root of an XML feed starts, with an ASCII name, in the look-ahead */
    private static Sniff sniffProlog(byte[] body, int start) {
        String head = new String(body, start, Math.min(body.length - start, PROLOG_LOOK_AHEAD),
                StandardCharsets.ISO_8859_1);
        Sniff sniff = FormatSniffer.sniff(head);
        if (sniff.kind() != Kind.XML_FEED) {
            return null;
        }
        // The name must end inside the head; a non-ASCII one may have ended at a Unicode space.
        int nameEnd = sniff.rootStart() + 1 + sniff.rootName().length();
        boolean complete = nameEnd < head.length();
        return complete && isAscii(head, sniff.rootStart(), nameEnd) ? sniff : null;
    }

    private static boolean isAscii(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUtf8(byte[] body, int from, int to) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * XmlRepair rewrites some numeric references that are well-formed XML: C1 ones (read as
     * windows-1252) and ones with more digits than it reads (kept as text). Looking inside CDATA
     * and comments too, where it would not, only sends a few more feeds the slow way.
     */
    private static boolean hasReferenceRepairRewrites(byte[] body, int from) {
        int i = from;
        // Eight bytes at a time, as this scan passes over the whole body: skip words without an '&'.
        for (; i + Long.BYTES <= body.length; i += Long.BYTES) {
            if (hasAmpersand((long) LONGS.get(body, i)) && anyRewritten(body, i, i + Long.BYTES)) {
                return true;
            }
        }
        return anyRewritten(body, i, body.length);
    }

    /** The classic "has a zero byte" test (Hacker's Delight 6-1) on the word XOR '&' in every byte. */
    private static boolean hasAmpersand(long word) {
        long x = word ^ 0x2626262626262626L;
        return ((x - 0x0101010101010101L) & ~x & 0x8080808080808080L) != 0;
    }

    private static boolean anyRewritten(byte[] body, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] == '&' && repairRewrites(body, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean repairRewrites(byte[] b, int amp) {
        if (amp + 1 >= b.length || b[amp + 1] != '#') {
            return false;
        }
        boolean hex = amp + 2 < b.length && (b[amp + 2] | 0x20) == 'x';
        int radix = hex ? 16 : 10;
        int digitsStart = hex ? amp + 3 : amp + 2;
        int i = digitsStart;
        long value = 0;
        int digit;
        while (i < b.length && i - digitsStart < MAX_REFERENCE_DIGITS && (digit = asciiDigit(b[i], radix)) >= 0) {
            value = value * radix + digit;
            i++;
        }
        return i == digitsStart || i >= b.length || b[i] != ';' || Windows1252Controls.remap((int) value) != value;
    }

    /** Repair also reads other Unicode digits; a reference with any is sent its way, which is safe. */
    private static int asciiDigit(byte b, int radix) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        int lower = b | 0x20;
        return radix == 16 && lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }
}
