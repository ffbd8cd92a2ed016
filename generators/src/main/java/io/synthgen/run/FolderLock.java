package io.synthgen.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An exclusive lock on one output folder, held by the run writing it: a lock file beside the folder, locked with
 * {@link FileChannel#tryLock()} so the operating system releases it when the owner dies (even by kill -9), and
 * holding the owner's process id for messages. The owner deletes the file when it is done; since it deletes while
 * still holding the lock, a process that locked a file that was meanwhile deleted notices (its token is not what the
 * path now holds) and tries again, so two processes never both believe they hold the lock.
 */
final class FolderLock implements AutoCloseable {

  /** Attempts when the lock file is deleted under us by an owner releasing it; each attempt is a few syscalls. */
  static final int ACQUIRE_ATTEMPTS = 20;

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** What {@link #tryAcquire} found: the lock, or the process id written by the live owner ("unknown" if unread). */
  record Attempt(Optional<FolderLock> lock, String owner) {
  }

  static Attempt tryAcquire(Path file) throws IOException {
    byte[] random = new byte[8];
    new SecureRandom().nextBytes(random);
    String token = ProcessHandle.current().pid() + " " + HexFormat.of().formatHex(random) + "\n";
    for (int attempt = 0; attempt < ACQUIRE_ATTEMPTS; attempt++) {
      FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null; // this JVM already holds it (another run of this process writes the same folder)
      } catch (IOException | RuntimeException e) {
        ch.close();
        throw e;
      }
      if (l == null) {
        ch.close();
        return new Attempt(Optional.empty(), owner(file));
      }
      try {
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8)), 0);
        ch.force(true);
        if (token.equals(readQuietly(file))) {
          return new Attempt(Optional.of(new FolderLock(file, ch, l)), token.trim());
        }
      } catch (IOException | RuntimeException e) {
        l.release();
        ch.close();
        throw e;
      }
      l.release();
      ch.close();
    }
    throw new IOException("could not lock " + file + " after " + ACQUIRE_ATTEMPTS
        + " attempts: other synthgen processes keep taking and releasing it; run again when they are done");
  }

  private static String owner(Path file) {
    String s = readQuietly(file);
    return s == null || s.isBlank() ? "unknown" : s.trim().split(" ")[0];
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      return null; // an owner's lock can keep others from reading on some systems; the pid is only for messages
    }
  }

  /** Deletes the lock file, then releases the lock. */
  @Override
  public void close() throws IOException {
    try {
      Files.deleteIfExists(file);
    } finally {
      try {
        lock.release();
      } finally {
        channel.close();
      }
    }
  }
}
