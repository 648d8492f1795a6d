package org.tidings.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tidings.fetch.FetchResult.Failed;
import org.tidings.fetch.FetchResult.Fetched;
import org.tidings.model.HttpValidators;

class ContentEncodingTest {
    private static final String FEED = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>zip</title></feed>\n".repeat(50);
    private static final byte[] FEED_BYTES = FEED.getBytes(StandardCharsets.UTF_8);

    private final LocalHttpServer server = LocalHttpServer.start();
    private final FeedFetcher fetcher = Fetchers.standard();

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    private Fetched fetchEncoded(byte[] wire, String encoding) {
        server.route("/feed", LocalHttpServer.respond(200, wire, "Content-Encoding", encoding));
        return assertInstanceOf(Fetched.class, fetcher.fetch(server.uri("/feed"), HttpValidators.NONE));
    }

    @Test
    void decodesGzipBodyAndHashesDecodedBytes() {
        Fetched fetched = fetchEncoded(gzip(FEED_BYTES), "gzip");

        assertArrayEquals(FEED_BYTES, fetched.body());
        assertEquals(ConditionalGetTest.sha256Hex(FEED), fetched.validators().bodyHash());
    }

    @Test
    void decodesZlibWrappedDeflateBody() {
        assertArrayEquals(FEED_BYTES, fetchEncoded(deflate(FEED_BYTES, false), "deflate").body());
    }

    @Test
    void decodesRawDeflateBody() {
        assertArrayEquals(FEED_BYTES, fetchEncoded(deflate(FEED_BYTES, true), "deflate").body());
    }

    @Test
    void passesIdentityBodyThrough() {
        assertArrayEquals(FEED_BYTES, fetchEncoded(FEED_BYTES, "identity").body());
    }

    @Test
    void failsOnUnsupportedEncoding() {
        server.route("/feed", LocalHttpServer.respond(200, FEED_BYTES, "Content-Encoding", "br"));

        Failed failed = assertInstanceOf(Failed.class, fetcher.fetch(server.uri("/feed"), HttpValidators.NONE));

        assertEquals("unsupported content encoding br", failed.reason());
    }

    @Test
    void failsOnCorruptGzip() {
        server.route("/feed", LocalHttpServer.respond(200, FEED_BYTES, "Content-Encoding", "gzip"));

        Failed failed = assertInstanceOf(Failed.class, fetcher.fetch(server.uri("/feed"), HttpValidators.NONE));

        assertTrue(failed.reason().startsWith("could not decode gzip body"), failed.reason());
    }

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] plain, boolean raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
        try (DeflaterOutputStream stream = new DeflaterOutputStream(out, deflater)) {
            stream.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }
}
