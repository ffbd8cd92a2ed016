package io.synthgen.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive lock on one output folder, held by the run writing it: a lock file beside the folder, locked with
 * {@link FileChannel#tryLock()} so the operating system releases it when the owner dies (even by kill -9), and
 * holding the owner's process id for messages. The owner deletes the file when it is done, while still holding the
 * lock; a process that locked a file that was deleted meanwhile notices (the path no longer names the file it
 * opened: compared by file key, with {@code stat}, never by opening the file again) and tries again, so two
 * processes never both hold the lock.
 *
 * <p>POSIX drops every lock a process holds on a file when the process closes <em>any</em> descriptor of it, so
 * while a lock is held this process never opens its file again: locks held by this JVM are also kept in a set,
 * and a second run of this JVM into the same folder is refused from that set without touching the file.
 */
final class FolderLock implements AutoCloseable {

  /** Attempts when the lock file is replaced under us by an owner releasing it; each attempt is a few syscalls. */
  static final int ACQUIRE_ATTEMPTS = 20;

  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path file;
  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(Path file, Path key, FileChannel channel, FileLock lock) {
    this.file = file;
    this.key = key;
    this.channel = channel;
    this.lock = lock;
  }

  /** What {@link #tryAcquire} found: the lock, or the process id written by the live owner ("unknown" if unread). */
  record Attempt(Optional<FolderLock> lock, String owner) {
  }

  static Attempt tryAcquire(Path file) throws IOException {
    Path key = file.toAbsolutePath().normalize();
    if (!HELD.add(key)) {
      return new Attempt(Optional.empty(), Long.toString(ProcessHandle.current().pid()));
    }
    boolean acquired = false;
    try {
      for (int attempt = 0; attempt < ACQUIRE_ATTEMPTS; attempt++) {
        Object before = fileKey(file);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        try {
          Object opened = fileKey(file);
          if (before == null || !before.equals(opened)) {
            ch.close(); // created just now or replaced while opening: look again, so the file is known to be ours
            continue;
          }
          FileLock l = ch.tryLock();
          if (l == null) {
            ch.close();
            return new Attempt(Optional.empty(), owner(file));
          }
          if (!opened.equals(fileKey(file))) {
            l.release(); // the owner deleted the file we opened as it released it
            ch.close();
            continue;
          }
          ch.truncate(0);
          ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
          ch.force(true);
          acquired = true;
          return new Attempt(Optional.of(new FolderLock(file, key, ch, l)), Long.toString(
              ProcessHandle.current().pid()));
        } catch (IOException | RuntimeException e) {
          ch.close();
          throw e;
        }
      }
      throw new IOException("could not lock " + file + " after " + ACQUIRE_ATTEMPTS
          + " attempts: other synthgen processes keep taking and releasing it; run again when they are done");
    } finally {
      if (!acquired) {
        HELD.remove(key);
      }
    }
  }

  /** The file's identity (device and inode on Unix) from its attributes, or null when it does not exist. */
  private static Object fileKey(Path file) throws IOException {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return a.fileKey() != null ? a.fileKey() : a.creationTime();
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** The pid a live owner wrote (read only by a process that does not hold the lock). */
  private static String owner(Path file) {
    try {
      String s = Files.readString(file, StandardCharsets.UTF_8).trim();
      return s.isEmpty() ? "unknown" : s;
    } catch (IOException e) {
      return "unknown"; // some systems keep others from reading a locked file; the pid is only for messages
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
        try {
          channel.close();
        } finally {
          HELD.remove(key);
        }
      }
    }
  }
}
