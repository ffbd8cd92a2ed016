package io.synthgen.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.output.parquet.ParquetTableReader;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Series;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.series.Batches;
import io.synthgen.series.Window;
import io.synthgen.validate.Check;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of {@code manifest.json} itself, for {@link RunVerifier}: it holds exactly the fields synthgen writes,
 * each of its kind (the manifest is synthgen's own file, so anything else is an edit); what it says of the plan is
 * what {@code plan.json} says; what it says of the files (format, compression) is what the files' names and first
 * and last bytes show. Each difference is a named failed check.
 */
final class ManifestChecks {

  /** How many field problems a check lists before it counts the rest. */
  static final int MAX_LISTED_PROBLEMS = 10;

  private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};
  private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};

  /** What a manifest field holds. */
  private enum Kind { TEXT, TEXT_OR_NULL, COUNT, SIGNED, NUMBER, BOOLEAN, OBJECT, ARRAY }

  private static final Map<String, Kind> ROOT = Map.of("synthgen_manifest", Kind.COUNT, "plan", Kind.OBJECT,
      "format", Kind.TEXT, "compression", Kind.TEXT, "seconds", Kind.NUMBER, "tables", Kind.ARRAY,
      "validation", Kind.OBJECT);
  private static final Map<String, Kind> PLAN = Map.of("name", Kind.TEXT, "industry", Kind.TEXT_OR_NULL,
      "hash", Kind.TEXT, "seed", Kind.SIGNED, "reference_date", Kind.TEXT, "file", Kind.TEXT);
  private static final Map<String, Kind> TABLE = Map.of("name", Kind.TEXT, "rows", Kind.COUNT, "bytes",
      Kind.COUNT, "seconds", Kind.NUMBER, "files", Kind.ARRAY);
  private static final Map<String, Kind> FILE = Map.of("path", Kind.TEXT, "rows", Kind.COUNT, "bytes", Kind.COUNT,
      "sha256", Kind.TEXT);
  private static final Map<String, Kind> VALIDATION = Map.of("passed", Kind.BOOLEAN, "checks", Kind.ARRAY);
  private static final Map<String, Kind> CHECK = Map.of("table", Kind.TEXT, "kind", Kind.TEXT, "expected",
      Kind.TEXT, "observed", Kind.TEXT, "passed", Kind.BOOLEAN);
  /** The one optional field: a check of a whole table has no column. */
  private static final Map<String, Kind> CHECK_OPTIONAL = Map.of("column", Kind.TEXT);
  /** A run of a plan with a series: the batch (or the snapshot's K) and the series. */
  private static final Map<String, Kind> ROOT_SERIES = Map.of("batch", Kind.COUNT, "snapshot_after", Kind.COUNT,
      "series", Kind.OBJECT);
  private static final Map<String, Kind> SERIES = Map.of("start", Kind.TEXT, "interval", Kind.TEXT, "batches",
      Kind.COUNT);
  /** A table of a run of a series: its role, and the window of time it covers (none for a static table). */
  private static final Map<String, Kind> TABLE_SERIES = Map.of("role", Kind.TEXT, "window", Kind.OBJECT);
  private static final Map<String, Kind> WINDOW = Map.of("start", Kind.TEXT, "end", Kind.TEXT);

  private static final List<String> FORMATS = List.of("parquet", "csv", "jsonl");
  private static final List<String> PARQUET_COMPRESSIONS = List.of("zstd", "snappy", "gzip", "none");
  private static final List<String> TEXT_COMPRESSIONS = List.of("none", "gzip");

  private ManifestChecks() {
  }

  /** The format and compression the manifest states, with the file name suffix they give. */
  record Layout(String format, String compression, String extension) {

    boolean parquet() {
      return format.equals("parquet");
    }

    boolean gzipText() {
      return !parquet() && compression.equals("gzip");
    }
  }

  /** Whether {@code manifest} is {@code "synthgen_manifest": 1}, read strictly (no wrapped or fractional 1). */
  static boolean isManifest(JsonNode manifest) {
    JsonNode v = manifest.path("synthgen_manifest");
    return v.isIntegralNumber() && v.bigIntegerValue().equals(BigInteger.ONE);
  }

  /** Every field known, present and of its kind. */
  static void fields(JsonNode manifest, List<Check> checks) {
    List<String> problems = new ArrayList<>();
    object(manifest, "", ROOT, ROOT_SERIES, problems);
    object(manifest.path("plan"), "plan.", PLAN, Map.of(), problems);
    object(manifest.path("series"), "series.", SERIES, Map.of(), problems);
    object(manifest.path("validation"), "validation.", VALIDATION, Map.of(), problems);
    int i = 0;
    for (JsonNode t : manifest.path("tables")) {
      String at = "tables[" + i++ + "]";
      object(t, at + ".", TABLE, TABLE_SERIES, problems);
      object(t.path("window"), at + ".window.", WINDOW, Map.of(), problems);
      int k = 0;
      for (JsonNode f : t.path("files")) {
        object(f, at + ".files[" + k++ + "].", FILE, Map.of(), problems);
      }
    }
    int c = 0;
    for (JsonNode check : manifest.path("validation").path("checks")) {
      object(check, "validation.checks[" + c++ + "].", CHECK, CHECK_OPTIONAL, problems);
    }
    String observed = problems.isEmpty() ? "nothing else" : String.join("; ", problems.subList(0,
        Math.min(problems.size(), MAX_LISTED_PROBLEMS)))
        + (problems.size() > MAX_LISTED_PROBLEMS ? "; and " + (problems.size() - MAX_LISTED_PROBLEMS) + " more" : "");
    checks.add(new Check(Manifest.FILE, null, "fields", "the fields synthgen writes, each present and of its kind",
        observed, problems.isEmpty()));
  }

  private static void object(JsonNode node, String at, Map<String, Kind> required, Map<String, Kind> optional,
      List<String> problems) {
    if (!node.isObject()) {
      if (!node.isMissingNode()) {
        problems.add((at.isEmpty() ? "the manifest" : at.substring(0, at.length() - 1)) + " is not an object");
      }
      return;
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!required.containsKey(e.getKey()) && !optional.containsKey(e.getKey())) {
        problems.add("unknown field " + at + e.getKey());
      }
    }
    for (Map.Entry<String, Kind> e : required.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
      JsonNode v = node.get(e.getKey());
      if (v == null) {
        problems.add("missing " + at + e.getKey());
      } else if (!is(v, e.getValue())) {
        problems.add(at + e.getKey() + " is not " + describe(e.getValue()) + ": " + v);
      }
    }
    for (Map.Entry<String, Kind> e : optional.entrySet()) {
      JsonNode v = node.get(e.getKey());
      if (v != null && !is(v, e.getValue())) {
        problems.add(at + e.getKey() + " is not " + describe(e.getValue()) + ": " + v);
      }
    }
  }

  private static boolean is(JsonNode v, Kind k) {
    switch (k) {
      case TEXT:
        return v.isTextual();
      case TEXT_OR_NULL:
        return v.isTextual() || v.isNull();
      case COUNT:
        return v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0;
      case SIGNED:
        return v.isIntegralNumber() && v.canConvertToLong();
      case NUMBER:
        return v.isNumber() && Double.isFinite(v.doubleValue()) && v.doubleValue() >= 0;
      case BOOLEAN:
        return v.isBoolean();
      case OBJECT:
        return v.isObject();
      case ARRAY:
        return v.isArray();
    }
    throw new IllegalStateException("unknown kind " + k);
  }

  private static String describe(Kind k) {
    switch (k) {
      case TEXT:
        return "a string";
      case TEXT_OR_NULL:
        return "a string or null";
      case COUNT:
        return "a whole number from 0 to " + Long.MAX_VALUE;
      case SIGNED:
        return "a 64-bit whole number";
      case NUMBER:
        return "a finite number of 0 or more";
      case BOOLEAN:
        return "true or false";
      case OBJECT:
        return "an object";
      case ARRAY:
        return "an array";
    }
    throw new IllegalStateException("unknown kind " + k);
  }

  /** The manifest's plan fields against plan.json: name, industry, seed, reference date and the file's name. */
  static void plan(JsonNode manifest, Plan plan, List<Check> checks) {
    JsonNode p = manifest.path("plan");
    same(checks, "plan.name", p.path("name"), plan.name(), "plan.json's name");
    same(checks, "plan.industry", p.path("industry"), plan.industry(), "plan.json's industry");
    same(checks, "plan.reference_date", p.path("reference_date"), plan.referenceDate().toString(),
        "plan.json's reference_date");
    same(checks, "plan.file", p.path("file"), Manifest.PLAN_FILE, "the run's plan file");
    JsonNode seed = p.path("seed");
    boolean ok = seed.isIntegralNumber() && seed.bigIntegerValue().equals(BigInteger.valueOf(plan.seed()));
    checks.add(new Check(Manifest.FILE, null, "plan.seed", plan.seed() + " (plan.json's seed)", shown(seed), ok));
  }

  /**
   * The manifest's series fields against plan.json and what the run is: without a series none of them; with one,
   * the plan's series, exactly one of {@code batch} and {@code snapshot_after}, inside the series, and per table the
   * role and window {@link Batches} gives the table in that batch.
   */
  static void series(JsonNode manifest, ResolvedPlan plan, List<Check> checks) {
    Series s = plan.series();
    JsonNode batch = manifest.path("batch");
    JsonNode after = manifest.path("snapshot_after");
    JsonNode so = manifest.path("series");
    if (s == null) {
      boolean none = batch.isMissingNode() && after.isMissingNode() && so.isMissingNode();
      checks.add(new Check(Manifest.FILE, null, "series", "no batch, snapshot_after or series (plan.json has no "
          + "series)", none ? "none" : "present", none));
      return;
    }
    same(checks, "series.start", so.path("start"), s.start(), "plan.json's series");
    same(checks, "series.interval", so.path("interval"), s.interval(), "plan.json's series");
    JsonNode n = so.path("batches");
    checks.add(new Check(Manifest.FILE, null, "series.batches", s.batches() + " (plan.json's series)", shown(n),
        n.isIntegralNumber() && n.canConvertToLong() && n.longValue() == s.batches()));
    JsonNode k = batch.isMissingNode() ? after : batch;
    boolean one = batch.isMissingNode() != after.isMissingNode();
    boolean inside = one && k.isIntegralNumber() && k.canConvertToLong() && k.longValue() >= 0
        && k.longValue() < s.batches();
    checks.add(new Check(Manifest.FILE, null, "batch", "batch or snapshot_after, one of them, in 0.."
        + (s.batches() - 1), one ? shown(k) : "batch " + shown(batch) + ", snapshot_after " + shown(after), inside));
  }

  /** A table's role and window against what {@link Batches} says the table is in the manifest's batch. */
  static void tableSeries(JsonNode table, String name, ResolvedPlan plan, boolean snapshot, long k,
      List<Check> checks) {
    String role = Batches.role(plan, name, snapshot).label();
    same(checks, name, "role", table.path("role"), role, "its role in " + (snapshot ? "the state after " : "batch ")
        + k);
    Window w = Batches.window(plan, name, snapshot, k);
    JsonNode wo = table.path("window");
    String expected = w == null ? "none" : w.start() + " .. " + w.end();
    String observed = wo.isMissingNode() ? "none" : shown(wo.path("start")) + " .. " + shown(wo.path("end"));
    checks.add(new Check(name, null, "window", expected + " (the window of " + (snapshot ? "the state after "
        : "batch ") + k + ")", observed, expected.equals(observed)));
  }

  private static void same(List<Check> checks, String table, String kind, JsonNode v, String expected,
      String source) {
    boolean ok = v.isTextual() && v.asText().equals(expected);
    checks.add(new Check(table, null, kind, expected + " (" + source + ")", shown(v), ok));
  }

  private static void same(List<Check> checks, String kind, JsonNode v, String expected, String source) {
    boolean ok = expected == null ? v.isNull() : v.isTextual() && v.asText().equals(expected);
    checks.add(new Check(Manifest.FILE, null, kind, (expected == null ? "null" : expected) + " (" + source + ")",
        shown(v), ok));
  }

  private static String shown(JsonNode v) {
    return v.isMissingNode() ? "missing" : v.isTextual() ? v.asText() : v.toString();
  }

  /** The manifest's format and compression, when they are a pair synthgen writes; a failed check otherwise. */
  static Optional<Layout> layout(JsonNode manifest, List<Check> checks) {
    String format = manifest.path("format").isTextual() ? manifest.path("format").asText() : null;
    String compression = manifest.path("compression").isTextual() ? manifest.path("compression").asText() : null;
    boolean ok = FORMATS.contains(format) && compression != null
        && ("parquet".equals(format) ? PARQUET_COMPRESSIONS : TEXT_COMPRESSIONS).contains(compression);
    checks.add(new Check(Manifest.FILE, null, "format", "parquet with " + String.join(", ", PARQUET_COMPRESSIONS)
        + ", or csv or jsonl with " + String.join(" or ", TEXT_COMPRESSIONS), shown(manifest.path("format"))
        + " with " + shown(manifest.path("compression")), ok));
    if (!ok) {
      return Optional.empty();
    }
    String ext = "parquet".equals(format) ? ".parquet" : "." + format + ("gzip".equals(compression) ? ".gz" : "");
    return Optional.of(new Layout(format, compression, ext));
  }

  /** A file's name and content against the manifest's format and compression. */
  static void file(Path p, String rel, String table, Layout layout, List<Check> checks) {
    String single = table + layout.extension();
    boolean named = rel.equals(single)
        || Pattern.matches(Pattern.quote(table) + "/part-\\d{5,}" + Pattern.quote(layout.extension()), rel);
    checks.add(new Check(table, null, "name " + rel, single + " or " + table + "/part-NNNNN" + layout.extension()
        + " (format " + layout.format() + ", compression " + layout.compression() + ")", rel, named));
    String expected = layout.parquet() ? parquet(codec(layout.compression()))
        : layout.gzipText() ? "gzip data (starts with 1f 8b)" : "uncompressed text (no gzip or Parquet magic)";
    String observed;
    try {
      observed = content(p, layout);
    } catch (IOException | RuntimeException e) {
      observed = "unreadable: " + e.getMessage();
    }
    checks.add(new Check(table, null, "content " + rel, expected + " (the manifest's format and compression)",
        observed, observed.equals(expected)));
  }

  private static String content(Path p, Layout layout) throws IOException {
    byte[] head = new byte[PARQUET_MAGIC.length];
    byte[] tail = new byte[PARQUET_MAGIC.length];
    long size = Files.size(p);
    try (InputStream in = Files.newInputStream(p)) {
      head = Arrays.copyOf(head, in.readNBytes(head, 0, head.length));
    }
    if (size >= 2L * PARQUET_MAGIC.length) {
      try (SeekableByteChannel ch = Files.newByteChannel(p)) {
        ch.position(size - tail.length);
        ByteBuffer b = ByteBuffer.wrap(tail);
        int n = 0;
        while (b.hasRemaining() && n >= 0) {
          n = ch.read(b);
        }
      }
    }
    boolean par1 = Arrays.equals(head, PARQUET_MAGIC) && Arrays.equals(tail, PARQUET_MAGIC);
    boolean gzip = head.length >= GZIP_MAGIC.length && head[0] == GZIP_MAGIC[0] && head[1] == GZIP_MAGIC[1];
    if (par1) {
      Set<String> codecs = ParquetTableReader.codecs(p);
      // a file without row groups has no codec to show; it is still the format the manifest says
      return codecs.isEmpty() && layout.parquet() ? parquet(codec(layout.compression()))
          : parquet(codecs.isEmpty() ? "(no column chunks)" : String.join(", ", codecs));
    }
    if (gzip) {
      return "gzip data (starts with 1f 8b)";
    }
    if (Arrays.equals(head, PARQUET_MAGIC)) {
      return "a cut-short Parquet file (PAR1 at the start only)";
    }
    return "uncompressed text (no gzip or Parquet magic)";
  }

  private static String parquet(String codec) {
    return "Parquet (PAR1 at both ends), codec " + codec;
  }

  /** The Parquet footer's name of a manifest compression. */
  private static String codec(String compression) {
    return compression.equals("none") ? "uncompressed" : compression;
  }
}
