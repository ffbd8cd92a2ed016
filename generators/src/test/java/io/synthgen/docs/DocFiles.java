package io.synthgen.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where the repository's docs are: README.md and docs/*.md under the root the build passes as synthgen.root. */
public final class DocFiles {

  private DocFiles() {
  }

  public static Path root() {
    String r = System.getProperty("synthgen.root");
    Path dir = (r == null || r.isEmpty() ? Path.of("") : Path.of(r)).toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no docs/ folder at or above " + r + "; run the tests from the repository");
    }
    return dir;
  }

  /** README.md and every docs/*.md, sorted. */
  /** A file of the repository, by its path relative to the root. */
  public static String read(String relative) {
    try {
      return Files.readString(root().resolve(relative));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static List<Path> markdown() {
    List<Path> files = new ArrayList<>();
    Path readme = root().resolve("README.md");
    if (Files.isRegularFile(readme)) {
      files.add(readme);
    }
    try (Stream<Path> s = Files.list(root().resolve("docs"))) {
      s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
