package io.synthgen.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Keeps local destinations inside the output root. A relative path resolves against the root ({@code retail} is
 * {@code <root>/retail}); an absolute one must already be inside it. {@code ..} that leaves the root, or the root
 * itself, is refused, so a run can never write or replace anything outside the folder the operator chose.
 */
public final class OutputPaths {

  private OutputPaths() {
  }

  /** The folder a destination path names, or an explanation of why it is refused. */
  public static Path resolve(Path root, String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("the destination has no path; give a folder name such as \"retail\"");
    }
    Path p;
    try {
      p = Path.of(path);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("the destination path '" + path + "' is not a valid path: " + e.getReason());
    }
    Path abs = (p.isAbsolute() ? p : root.resolve(p)).toAbsolutePath().normalize();
    if (!abs.startsWith(root) || abs.equals(root)) {
      throw new IllegalArgumentException("the destination path '" + path + "' is outside the output root " + root
          + "; give a folder inside it, e.g. \"" + (p.getFileName() == null ? "data" : p.getFileName()) + "\"");
    }
    // a symbolic link inside the root may point elsewhere: check the real location of what exists already
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    try {
      if (existing != null && existing.startsWith(root) && Files.exists(root)
          && !existing.toRealPath().startsWith(root.toRealPath())) {
        throw new IllegalArgumentException("the destination path '" + path + "' leads outside the output root "
            + root + " through a symbolic link; give a folder inside it");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check the destination path " + abs, e);
    }
    return abs;
  }
}
