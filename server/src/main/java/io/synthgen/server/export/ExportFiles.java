package io.synthgen.server.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
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
    if (Files.exists(file) && !force) {
      throw new IllegalArgumentException(out + " already exists; give another --out, or add --force to replace it");
    }
    return file;
  }
}
