package io.synthgen.profile.scan;

import io.synthgen.plan.Violation;
import io.synthgen.profile.ProfileLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the tables of a source path: a data file is one table; a folder holds one table per data file and one per
 * sub-folder of part files of one format (the layout of a synthgen run folder, whose {@code plan.json} and
 * {@code manifest.json} are not data). Hidden entries (a leading {@code .}) are skipped. The bounds are
 * {@link ProfileLimits#MAX_FILES}, {@link ProfileLimits#MAX_PARTS} and {@link ProfileLimits#MAX_BYTES}.
 */
final class SourceFiles {

  private static final List<String> SUFFIXES = List.of(".parquet", ".csv", ".csv.gz", ".jsonl", ".jsonl.gz",
      ".ndjson");

  private SourceFiles() {
  }

  /** The tables of {@code path} (absolute, inside {@code root}); problems are added to {@code problems}. */
  static List<TableSource> find(Path root, Path path, String field, List<Violation> problems) throws IOException {
    List<TableSource> out = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    if (Files.isRegularFile(path)) {
      if (suffix(path) == null) {
        problems.add(new Violation(field, rel(root, path), "not a Parquet, CSV or JSONL file",
            "give a file ending in " + String.join(", ", SUFFIXES) + ", or a folder of them"));
        return out;
      }
      out.add(table(root, path, List.of(path), taken));
    } else if (Files.isDirectory(path)) {
      List<Path> entries;
      try (Stream<Path> s = Files.list(path)) {
        entries = s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
      }
      for (Path p : entries) {
        if (Files.isRegularFile(p) && suffix(p) != null) {
          out.add(table(root, p, List.of(p), taken));
        } else if (Files.isDirectory(p)) {
          List<Path> parts;
          try (Stream<Path> s = Files.list(p)) {
            parts = s.filter(q -> Files.isRegularFile(q) && suffix(q) != null
                && !q.getFileName().toString().startsWith(".")).sorted().toList();
          }
          if (parts.isEmpty()) {
            continue;
          }
          Set<String> kinds = new HashSet<>();
          parts.forEach(q -> kinds.add(suffix(q)));
          if (kinds.size() > 1) {
            problems.add(new Violation(field, rel(root, p), "a folder of parts mixes formats " + kinds,
                "keep one format per table folder"));
            continue;
          }
          if (parts.size() > ProfileLimits.MAX_PARTS) {
            problems.add(new Violation(field, rel(root, p), "more than " + ProfileLimits.MAX_PARTS
                + " part files in one table folder", "profile a copy with fewer, larger parts"));
            continue;
          }
          out.add(table(root, p, parts, taken));
        }
      }
      if (out.isEmpty()) {
        problems.add(new Violation(field, rel(root, path), "the folder holds no Parquet, CSV or JSONL files",
            "point at a data file or at a folder of them"));
      }
      if (out.size() > ProfileLimits.MAX_FILES) {
        problems.add(new Violation(field, rel(root, path), out.size() + " tables in one folder, more than "
            + ProfileLimits.MAX_FILES, "profile a folder with at most " + ProfileLimits.MAX_FILES
            + " tables (sub-folders group a table's parts)"));
      }
    } else {
      problems.add(new Violation(field, rel(root, path), "no such file or folder under the output root",
          "give a path relative to the output root (" + root + ") of a file or folder that exists"));
      return out;
    }
    long bytes = 0;
    for (TableSource t : out) {
      for (Path p : t.parts()) {
        bytes += Files.size(p);
      }
    }
    if (bytes > ProfileLimits.MAX_BYTES) {
      problems.add(new Violation(field, rel(root, path), bytes + " bytes of data, more than "
          + ProfileLimits.MAX_BYTES + " (64 GiB)", "profile a sample of the data: a few files, or fewer rows"));
    }
    return out;
  }

  private static TableSource table(Path root, Path p, List<Path> parts, Set<String> taken) {
    String suffix = suffix(parts.get(0));
    String file = p.getFileName().toString();
    String stem = Files.isDirectory(p) ? file : file.substring(0, file.length() - suffix.length());
    String format = suffix.startsWith(".parquet") ? "parquet" : suffix.startsWith(".csv") ? "csv" : "jsonl";
    return new TableSource(Names.identifier(stem, taken), rel(root, p), format, suffix.endsWith(".gz"), parts);
  }

  static String suffix(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    for (String s : SUFFIXES) {
      if (n.endsWith(s) && n.length() > s.length()) {
        return s;
      }
    }
    return null;
  }

  static String rel(Path root, Path p) {
    String r = root.relativize(p).toString().replace('\\', '/');
    return r.isEmpty() ? "." : r;
  }
}
