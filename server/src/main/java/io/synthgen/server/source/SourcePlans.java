package io.synthgen.server.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.profile.SourceProfile;
import io.synthgen.profile.planner.PlanOptions;
import io.synthgen.profile.planner.ProfilePlanner;
import io.synthgen.profile.scan.FileProfiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Plans from data the person already has: {@code propose_plan}'s {@code source} object and {@code synthgen plan
 * --from}. A source names files by {@code path} (Parquet, CSV, JSONL: a file or a folder of them), which are
 * profiled ({@link FileProfiler}) and planned ({@link ProfilePlanner}) with the privacy options {@code min_count}
 * and {@code allow_values}. Every mistake in the object is reported at once, as violations of {@code source.*}.
 */
public final class SourcePlans {

  /** The fields of a {@code source} object. */
  public static final List<String> FIELDS = List.of("path", "min_count", "allow_values");

  private SourcePlans() {
  }

  /** A request for a plan from files, checked; {@code name} is the plan's (null: from the source's name). */
  public record Request(String path, int minCount, Set<String> allowValues, String name) {

    public Request(String path, int minCount, Set<String> allowValues) {
      this(path, minCount, allowValues, null);
    }
  }

  /** propose_plan's arguments that shape own tables or templates, which a plan from data does not take. */
  static final List<String> NOT_WITH_SOURCE = List.of("skews", "only_tables");

  /**
   * A violation for each of {@link #NOT_WITH_SOURCE} in propose_plan's {@code args}; {@code onlyTablesFix} says how
   * this kind of source picks its tables instead.
   */
  public static void notWithSource(JsonNode args, String onlyTablesFix, List<Violation> problems) {
    for (String f : NOT_WITH_SOURCE) {
      if (args.has(f)) {
        problems.add(new Violation(f, null, f + " does not apply to a plan from data",
            f.equals("skews") ? "propose from source first, then change the foreign key's distribution with "
                + "revise_plan" : onlyTablesFix));
      }
    }
  }

  /**
   * propose_plan with {@code source}: the plan for the files under the output root that {@code args.source} names,
   * with {@code args.name} as its name; every problem of the arguments at once.
   */
  public static Plan propose(Path outputRoot, JsonNode args, long seed, LocalDate referenceDate,
      Set<String> dictionaries) throws PlanException, IOException {
    List<Violation> problems = new ArrayList<>();
    notWithSource(args, "profile a folder holding only the tables wanted, or a single file", problems);
    String name = args.hasNonNull("name") ? args.get("name").asText() : null;
    Request r = null;
    try {
      r = request(args.get("source"));
    } catch (PlanException e) {
      problems.addAll(e.violations());
    }
    if (!problems.isEmpty()) {
      throw new PlanException(problems);
    }
    return plan(outputRoot, true, new Request(r.path(), r.minCount(), r.allowValues(), name), seed, referenceDate,
        dictionaries);
  }

  /** The request a {@code source} object makes; every problem at once. */
  public static Request request(JsonNode source) throws PlanException {
    List<Violation> problems = new ArrayList<>();
    if (source == null || !source.isObject()) {
      throw new PlanException(List.of(new Violation("source", source == null ? null : source.toString(),
          "source must be an object", "give {\"path\": \"<file or folder under the output root>\"}")));
    }
    for (Iterator<String> it = source.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        problems.add(new Violation("source." + f, null, "unknown field '" + f + "' in source",
            "use " + String.join(", ", FIELDS)));
      }
    }
    String path = null;
    JsonNode p = source.get("path");
    if (p == null || !p.isTextual() || p.asText().isBlank()) {
      problems.add(new Violation("source.path", p == null ? null : p.toString(), "source needs a path",
          "give the file or folder of Parquet, CSV or JSONL files, relative to the output root"));
    } else {
      path = p.asText();
    }
    int minCount = minCount(source, problems);
    Set<String> allow = allowValues(source, problems);
    if (!problems.isEmpty()) {
      throw new PlanException(problems);
    }
    return new Request(path, minCount, allow);
  }

  /**
   * The plan for files under {@code root}: a relative path resolves against it; with {@code confine} (the server)
   * a path that leaves the root is refused, so a client can only read what the operator put under it.
   */
  public static Plan plan(Path root, boolean confine, Request r, long seed, LocalDate referenceDate,
      Set<String> dictionaries) throws PlanException, IOException {
    Path abs = resolve(root, confine, r.path());
    Path base = root.toAbsolutePath().normalize();
    if (!confine && !abs.startsWith(base)) {
      base = abs.getParent() == null ? abs : abs.getParent(); // names relative to the folder the files are in
    }
    SourceProfile profile = FileProfiler.profile(base, abs, "source.path", confine);
    missingAllowed(profile, r.allowValues());
    PlanOptions options = new PlanOptions(r.name() == null ? null : planName(r.name()), seed, referenceDate,
        r.minCount(), r.allowValues());
    return PlanCodec.fromJson(ProfilePlanner.plan(profile, options), dictionaries);
  }

  /** A violation for each {@code allow_values} entry that names no column of the profiled source (all at once). */
  private static void missingAllowed(SourceProfile profile, Set<String> allow) throws PlanException {
    Set<String> names = new LinkedHashSet<>();
    Set<String> columns = new java.util.HashSet<>();
    for (io.synthgen.profile.TableProfile t : profile.tables()) {
      for (io.synthgen.profile.ColumnProfile c : t.columns()) {
        names.add(t.name() + "." + c.name());
        columns.add(c.name());
      }
    }
    List<Violation> problems = new java.util.ArrayList<>();
    for (String a : allow) {
      if (!names.contains(a) && !columns.contains(a)) {
        List<String> some = names.stream().limit(8).toList();
        problems.add(new Violation("source.allow_values", a, "names no column of the source",
            "give a column or table.column of the source, e.g. " + String.join(", ", some)
                + (names.size() > some.size() ? ", ..." : "")));
      }
    }
    if (!problems.isEmpty()) {
      throw new PlanException(problems);
    }
  }

  /** A plan name as the Drafter writes one: lower case, runs of other characters as one underscore. */
  private static String planName(String n) {
    String s = n.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "_");
    return s.isEmpty() ? "from_data" : s;
  }

  static Path resolve(Path root, boolean confine, String path) throws PlanException, IOException {
    Path p;
    try {
      p = Path.of(path);
    } catch (InvalidPathException e) {
      throw new PlanException(List.of(new Violation("source.path", path, "not a valid path: " + e.getReason(),
          "give the path of a file or folder under the output root")));
    }
    Path abs = (p.isAbsolute() ? p : root.resolve(p)).toAbsolutePath().normalize();
    if (!confine) {
      return abs;
    }
    Path rootAbs = root.toAbsolutePath().normalize();
    boolean inside = abs.startsWith(rootAbs);
    if (inside && Files.exists(abs) && Files.exists(rootAbs)) {
      // a symbolic link inside the root may lead elsewhere: the real location must be inside too
      inside = abs.toRealPath().startsWith(rootAbs.toRealPath());
    }
    if (!inside) {
      throw new PlanException(List.of(new Violation("source.path", path, "outside the output root " + rootAbs,
          "copy the files into the output root (the folder the server was started with; a symbolic link that "
          + "leads out of it is refused too) and give the path "
          + "relative to it, e.g. \"" + (p.getFileName() == null ? "data" : p.getFileName()) + "\"")));
    }
    return abs;
  }

  /** A source's {@code min_count} (files or tables): the default when absent, a violation when out of range. */
  public static int minCount(JsonNode source, List<Violation> problems) {
    JsonNode k = source.get("min_count");
    if (k == null) {
      return PlanOptions.DEFAULT_MIN_COUNT;
    }
    if (!k.isIntegralNumber() || !k.canConvertToInt() || k.asInt() < 1 || k.asInt() > PlanOptions.MAX_MIN_COUNT) {
      problems.add(new Violation("source.min_count", k.toString(), "min_count must be a whole number from 1 to "
          + PlanOptions.MAX_MIN_COUNT, "leave it out for the default, " + PlanOptions.DEFAULT_MIN_COUNT
          + " (a value enters the plan only when at least that many rows hold it)"));
      return PlanOptions.DEFAULT_MIN_COUNT;
    }
    return k.asInt();
  }

  /** A source's {@code allow_values} (files or tables), in order; a violation for each entry that is not a name. */
  public static Set<String> allowValues(JsonNode source, List<Violation> problems) {
    Set<String> allow = new LinkedHashSet<>();
    JsonNode a = source.get("allow_values");
    if (a == null) {
      return allow;
    }
    if (!a.isArray()) {
      problems.add(new Violation("source.allow_values", a.toString(), "allow_values must be a list of columns",
          "give [\"column\", \"table.column\", ...]"));
      return allow;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).isTextual() || a.get(i).asText().isBlank()) {
        problems.add(new Violation("source.allow_values[" + i + "]", a.get(i).toString(),
            "a column name, or table.column", "give the column as a string"));
      } else {
        allow.add(a.get(i).asText());
      }
    }
    return allow;
  }
}
