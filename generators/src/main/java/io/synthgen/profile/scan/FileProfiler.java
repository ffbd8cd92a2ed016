package io.synthgen.profile.scan;

import io.synthgen.plan.DataType;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.profile.ColumnProfile;
import io.synthgen.profile.ForeignKeyCandidate;
import io.synthgen.profile.KeyCandidate;
import io.synthgen.profile.SourceProfile;
import io.synthgen.profile.TableProfile;
import io.synthgen.profile.stats.BloomBudget;
import io.synthgen.profile.stats.KeyValues;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Profiles Parquet, CSV and JSONL files: finds the tables of a path ({@link SourceFiles}), streams each through its
 * column accumulators ({@link TableScanner}), names candidate keys, and finds foreign keys between the tables by
 * value inclusion ({@link ForeignKeys}). Every problem with the files (not Parquet/CSV/JSONL, over a limit, a
 * malformed record) is collected and reported at once as violations of {@code field}; I/O failures are exceptions.
 */
public final class FileProfiler {

  private FileProfiler() {
  }

  /** As {@link #profile(Path, Path, String, boolean)}, not confined: for files the person names on their machine. */
  public static SourceProfile profile(Path root, Path path, String field) throws PlanException, IOException {
    return profile(root, path, field, false);
  }

  /**
   * The profile of {@code path}, an absolute file or folder; names in the profile are relative to {@code root}.
   *
   * @param field the request field the path came from, for violations ({@code source.path})
   * @param confined refuse files whose real location (after symbolic links) is outside {@code root}
   */
  public static SourceProfile profile(Path root, Path path, String field, boolean confined)
      throws PlanException, IOException {
    List<Violation> problems = new ArrayList<>();
    List<TableSource> sources = SourceFiles.find(root, path, field, problems);
    if (confined && problems.isEmpty()) {
      Path real = root.toRealPath();
      for (TableSource t : sources) {
        for (Path part : t.parts()) {
          if (!part.toRealPath().startsWith(real)) {
            problems.add(new Violation(field, SourceFiles.rel(root, part), "a symbolic link to a file outside the "
                + "output root", "copy the file into the output root instead of linking it"));
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new PlanException(problems);
    }
    BloomBudget budget = BloomBudget.standard();
    List<TableProfile> tables = new ArrayList<>();
    Map<String, Map<String, KeyValues>> values = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    for (TableSource t : sources) {
      TableScanner.Scanned s;
      try {
        s = new TableScanner(t, budget).scan();
      } catch (TableScanner.DataException e) {
        problems.add(new Violation(field, t.location(), e.getMessage(),
            "fix or leave out " + t.location() + " (a folder source profiles every data file in it)"));
        continue;
      }
      List<ColumnProfile> cols = s.profiles();
      if (cols.isEmpty()) {
        problems.add(new Violation(field, t.location(), "no column synthgen can profile"
            + (s.notes().isEmpty() ? "" : ": " + String.join("; ", s.notes())),
            "give a file with flat columns of numbers, strings, booleans, dates or timestamps"));
        continue;
      }
      tables.add(new TableProfile(t.name(), t.location(), t.format(), s.rows(), cols, keys(t.name(), cols)));
      values.put(t.name(), s.keyValues());
      notes.addAll(s.allNotes(t.location()));
    }
    if (!problems.isEmpty()) {
      throw new PlanException(problems);
    }
    List<ForeignKeyCandidate> fks = ForeignKeys.find(tables, values);
    return new SourceProfile(SourceFiles.rel(root, path), tables, fks, notes);
  }

  /**
   * Unique, never-null integer or string columns: exactly established ones first, then those named as keys
   * ({@code id}, {@code <table>_id}, {@code *_id}, {@code *_key}), then by position.
   */
  static List<KeyCandidate> keys(String table, List<ColumnProfile> cols) {
    List<KeyCandidate> out = new ArrayList<>();
    List<Integer> rank = new ArrayList<>();
    for (int i = 0; i < cols.size(); i++) {
      ColumnProfile c = cols.get(i);
      boolean keyType = c.type().isIntegral() || c.type().kind() == DataType.Kind.STRING;
      if (keyType && c.nulls() == 0 && c.unique() && c.rows() > 1) {
        String n = c.name().toLowerCase(Locale.ROOT);
        int named = n.equals("id") || ForeignKeys.namedAfter(n, table) ? 0
            : n.endsWith("_id") || n.endsWith("_key") || n.endsWith("id") ? 1 : 2;
        out.add(new KeyCandidate(c.name(), c.distinct().exact()));
        rank.add((c.distinct().exact() ? 0 : 1 << 20) + (named << 16) + i);
      }
    }
    Integer[] order = new Integer[out.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Integer.compare(rank.get(a), rank.get(b)));
    List<KeyCandidate> sorted = new ArrayList<>();
    for (Integer i : order) {
      sorted.add(out.get(i));
    }
    return sorted;
  }
}
