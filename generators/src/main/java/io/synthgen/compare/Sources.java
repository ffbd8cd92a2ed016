package io.synthgen.compare;

import io.synthgen.engine.Engine;
import io.synthgen.output.FileEntry;
import io.synthgen.output.parquet.ParquetColumns;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedColumn;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.resolve.Resolver;
import io.synthgen.run.Manifest;
import io.synthgen.run.RunManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the tables of a source (a Parquet, CSV or JSONL file; or a folder of them, where a sub-folder of part files
 * is one table) and of a synthgen run folder.
 */
final class Sources {

  private static final List<String> SUFFIXES = List.of(".parquet", ".csv.gz", ".csv", ".jsonl.gz", ".jsonl",
      ".ndjson");

  private Sources() {
  }

  /** The tables of the source at {@code path}, named by file (or sub-folder) name without its format suffix. */
  static List<RowTable> source(Path path) throws IOException, CompareException {
    if (Files.isRegularFile(path)) {
      if (suffix(path).isEmpty()) {
        throw new CompareException("cannot tell the format of the source " + path
            + "; name a .parquet, .csv[.gz] or .jsonl[.gz] file or a folder of them");
      }
      return List.of(table(path, List.of(path), new java.util.HashSet<>()));
    }
    if (!Files.isDirectory(path)) {
      throw new CompareException("the source " + path + " does not exist; name a data file or a folder of them");
    }
    List<RowTable> tables = new ArrayList<>();
    // named as a plan from data names them (io.synthgen.profile.scan.Names), in the same order: a-b.csv is a_b,
    // a_b.csv then a_b_2, so each run table pairs with the file it was planned from
    Set<String> taken = new java.util.HashSet<>();
    for (Path p : list(path)) {
      if (Files.isRegularFile(p) && suffix(p).isPresent()) {
        tables.add(table(p, List.of(p), taken));
      } else if (Files.isDirectory(p)) {
        List<Path> parts = list(p).stream().filter(f -> Files.isRegularFile(f) && suffix(f).isPresent()).toList();
        if (!parts.isEmpty()) {
          tables.add(table(p, parts, taken));
        }
      }
      if (tables.size() > CompareLimits.MAX_TABLES) {
        throw new CompareException("the source folder " + path + " holds more than " + CompareLimits.MAX_TABLES
            + " tables (CompareLimits.MAX_TABLES); name the file or a folder of the tables to compare");
      }
    }
    if (tables.isEmpty()) {
      throw new CompareException("the source folder " + path
          + " holds no .parquet, .csv or .jsonl file (nor a folder of them)");
    }
    return tables;
  }

  private static RowTable table(Path where, List<Path> files, Set<String> taken)
      throws IOException, CompareException {
    String name = io.synthgen.profile.scan.Names.identifier(stem(where), taken);
    String format = suffix(files.get(0)).orElseThrow();
    for (Path f : files) {
      if (!suffix(f).orElseThrow().replace(".gz", "").equals(format.replace(".gz", ""))) {
        throw new CompareException("the folder " + where + " mixes formats (" + files.get(0).getFileName() + ", "
            + f.getFileName() + "); a table's files must share one format");
      }
    }
    if (format.equals(".parquet")) {
      ParquetColumns cols = ParquetColumns.of(files.get(0));
      return new VecTable(name, where.toString(), files, cols.readable(), cols.unreadable(), Set.of());
    }
    return TextTable.of(name, where.toString(), files, format.startsWith(".csv"));
  }

  /** The tables of the run in {@code dir}, typed as its plan.json says, in plan order. */
  static List<RowTable> run(Path dir) throws IOException, CompareException {
    Optional<RunManifest> read = RunManifest.read(dir);
    if (read.isEmpty()) {
      throw new CompareException(dir + " holds no finished synthgen run (no " + Manifest.FILE
          + "); name the folder a run wrote");
    }
    RunManifest manifest = read.get();
    ResolvedPlan plan;
    try {
      Plan p = PlanCodec.read(dir.resolve(Manifest.PLAN_FILE));
      plan = Resolver.resolve(p);
    } catch (PlanException e) {
      throw new CompareException(dir.resolve(Manifest.PLAN_FILE) + " is not a valid plan: " + e.getMessage());
    }
    List<RowTable> tables = new ArrayList<>();
    for (RunManifest.Table t : manifest.tables()) {
      ResolvedTable rt = plan.table(t.name());
      List<Path> files = t.files().stream().map(FileEntry::path).map(dir::resolve).toList();
      Set<String> keys = new LinkedHashSet<>();
      for (ResolvedColumn c : rt.outputColumns()) {
        if (generatedKey(plan, c.spec().gen(), 0)) {
          keys.add(c.name());
        }
      }
      tables.add(new VecTable(t.name(), t.name(), files, Engine.outputColumns(rt), List.of(), keys));
    }
    return tables;
  }

  /**
   * A column synthgen numbers or draws itself: a sequence, a uuid, or a foreign key to one (its values are the
   * parent's generated keys, so equal values are chance, not a copied source row).
   */
  private static boolean generatedKey(ResolvedPlan plan, ColumnGen gen, int depth) {
    if (gen instanceof ColumnGen.Sequence || gen instanceof ColumnGen.Uuid) {
      return true;
    }
    if (!(gen instanceof ColumnGen.ForeignKey fk) || depth > 32) {
      return false;
    }
    int dot = fk.references().lastIndexOf('.');
    if (dot < 0) {
      return false;
    }
    String table = fk.references().substring(0, dot);
    String column = fk.references().substring(dot + 1);
    for (ResolvedTable t : plan.tables()) {
      if (t.name().equals(table)) {
        for (ResolvedColumn c : t.outputColumns()) {
          if (c.name().equals(column)) {
            return generatedKey(plan, c.spec().gen(), depth + 1);
          }
        }
      }
    }
    return false;
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !p.getFileName().toString().startsWith(".")
          && !p.getFileName().toString().startsWith("_")).sorted().toList();
    }
  }

  private static Optional<String> suffix(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return SUFFIXES.stream().filter(n::endsWith).findFirst();
  }

  private static String stem(Path p) {
    String n = p.getFileName().toString();
    Optional<String> s = suffix(p);
    return s.isPresent() ? n.substring(0, n.length() - s.get().length()) : n;
  }
}
