package org.tidings.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One {@code serve} per data folder: an OS file lock, which the kernel releases when the process
 * dies however it dies, so a crash never leaves a stale lock behind. The file holds the owner's pid
 * for the refusal message.
 */
final class ServeLock implements AutoCloseable {
    static final String FILE = "serve.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private ServeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @return the lock, or empty when another process (or this one) holds it */
    static Optional<ServeLock> tryAcquire(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        FileChannel channel = FileChannel.open(dataDir.resolve(FILE), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
        return Optional.of(new ServeLock(channel, lock));
    }

    /** No lock at all: for a shared database, where several serve processes are the point. */
    static ServeLock none() {
        return new ServeLock(null, null);
    }

    /** The pid written by the holder, for messages; empty when unreadable. */
    private static Optional<String> holder(Path dataDir) {
        try {
            String pid = Files.readString(dataDir.resolve(FILE), StandardCharsets.US_ASCII).trim();
            return pid.isEmpty() ? Optional.empty() : Optional.of(pid);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** " (pid N)" for messages about the holder, or nothing when its pid cannot be read. */
    static String describeHolder(Path dataDir) {
        return holder(dataDir).map(pid -> " (pid " + pid + ")").orElse("");
    }

    /** Whether a serve holds the folder now: probed by taking the lock and letting it go at once. */
    static boolean isHeld(Path dataDir) {
        if (!Files.exists(dataDir.resolve(FILE))) {
            return false;
        }
        try {
            Optional<ServeLock> probe = tryAcquire(dataDir);
            if (probe.isPresent()) {
                probe.get().close();
                return false;
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        if (lock == null) {
            return;
        }
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
