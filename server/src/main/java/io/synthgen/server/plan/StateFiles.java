package io.synthgen.server.plan;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes of the server's state files (plans, job records) that leave the previous file or the new one, never a
 * truncated or empty file and never a temporary one: the text goes to a hidden temporary name beside the target, is
 * synced to disk, and is renamed over the target; on any failure (a full disk, a missing permission) the temporary
 * file is deleted and the error says what happened. Temporary files a killed process left are removed at start-up.
 */
public final class StateFiles {

  /** A hidden temporary name: {@code .<target>.<random>.tmp}; older releases used {@code .<target>.tmp}. */
  private static final Pattern TEMP = Pattern.compile("\\..+\\.tmp");

  /** Where the bytes go; a seam for tests that need a write to fail as a full disk makes it fail. */
  interface Sink extends Closeable {
    void write(ByteBuffer bytes) throws IOException;

    void sync() throws IOException;
  }

  /** Opens a sink on a new file. */
  interface Opener {
    Sink open(Path file) throws IOException;
  }

  static final Opener FILES = file -> {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return new Sink() {
      @Override
      public void write(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
          ch.write(bytes);
        }
      }

      @Override
      public void sync() throws IOException {
        ch.force(true);
      }

      @Override
      public void close() throws IOException {
        ch.close();
      }
    };
  };

  private static final SecureRandom RANDOM = new SecureRandom();

  private StateFiles() {
  }

  /** Replaces {@code target} with {@code text} (UTF-8) all at once. */
  public static void write(Path target, String text) throws IOException {
    write(target, text, FILES);
  }

  static void write(Path target, String text, Opener opener) throws IOException {
    byte[] r = new byte[6];
    RANDOM.nextBytes(r);
    Path tmp = target.resolveSibling("." + target.getFileName() + "." + HexFormat.of().formatHex(r) + ".tmp");
    try {
      try (Sink s = opener.open(tmp)) {
        s.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        s.sync();
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw new IOException("could not write " + target + ": " + e.getMessage() + "; the previous version, if "
          + "any, is unchanged (free space on the disk of the state folder or fix its permissions, then retry)", e);
    }
  }

  /** Deletes temporary files left in {@code dir} and, with {@code depth} 2, in its sub-folders. Returns how many. */
  public static int removeStaleTemps(Path dir, int depth) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    List<Path> temps;
    try (Stream<Path> s = Files.walk(dir, depth)) {
      temps = s.filter(p -> TEMP.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p)).toList();
    }
    for (Path p : temps) {
      Files.deleteIfExists(p);
    }
    return temps.size();
  }
}
