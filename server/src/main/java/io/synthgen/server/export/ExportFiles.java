package io.synthgen.server.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an exported file: into a folder that exists (none is created), under a temporary name in that folder,
 * then renamed, so a failed write leaves no file under the final name; an existing file is replaced only when
 * asked.
 */
public final class ExportFiles {

  private ExportFiles() {
  }

  /**
   * @param force replace an existing file
   * @throws IllegalArgumentException when the folder does not exist, {@code out} is a folder, or the file exists
   *     and {@code force} is false (each saying what to do)
   */
  public static Path write(Path out, String text, boolean force) throws IOException {
    Path file = check(out, force);
    Path dir = file.getParent();
    Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".part");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      readableLikeOtherOutputs(tmp);
      if (force) {
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } else {
        // a rename within the folder that fails when a file appeared since the check (an atomic move would replace it)
        Files.move(tmp, file);
      }
    } catch (FileAlreadyExistsException e) {
      throw new IllegalArgumentException(out + " already exists; give another --out, or add --force to replace it",
          e);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return file;
  }

  /**
   * A temporary file is created owner-only (0600); the exported file is meant to be handed on, so it gets the
   * permissions a file written by {@code generate} gets: 0644, as under the usual umask 022.
   */
  private static void readableLikeOtherOutputs(Path tmp) throws IOException {
    if (Files.getFileStore(tmp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  /**
   * Refuses what {@link #write} would refuse, before any work is done.
   *
   * @return the absolute file
   */
  public static Path check(Path out, boolean force) {
    Path file = out.toAbsolutePath().normalize();
    Path dir = file.getParent();
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(out + " is a folder; give the file to write, such as "
          + out.resolve("plan.sql"));
    }
    if (dir == null || !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("the folder " + (dir == null ? out : dir) + " does not exist; export "
          + "writes into an existing folder: create it first, or give a path in one");
    }
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException(out + " exists and is not a regular file (a link, a device or a pipe); "
          + "export replaces only files it could have written: give another --out");
    }
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !force) {
      throw new IllegalArgumentException(out + " already exists; give another --out, or add --force to replace it");
    }
    return file;
  }
}
