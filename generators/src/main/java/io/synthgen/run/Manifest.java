package io.synthgen.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.engine.TableRun;
import io.synthgen.output.FileEntry;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Series;
import io.synthgen.series.Window;
import io.synthgen.validate.Check;
import io.synthgen.validate.ValidationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}: the plan's name, hash and seed, per table the files with rows, bytes and SHA-256, the
 * seconds each table took, and the validation checks. Data files are deterministic; the manifest's timings are not.
 * A run of a plan with a series also records the batch it made ({@code batch}, or {@code snapshot_after} for the
 * state after batches 0..K), the series, and per table its role and the window of time it covers.
 */
public final class Manifest {

  public static final String FILE = "manifest.json";
  public static final String PLAN_FILE = "plan.json";
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Manifest() {
  }

  /**
   * What a run of a plan with a series made: batch k, or the snapshot after k; per written table its role
   * (static, append, feed, history, state, defects) and window (null for a static table).
   */
  record SeriesRun(Series series, Long batch, Long snapshotAfter, Map<String, String> roles,
      Map<String, Window> windows) {
  }

  static ObjectNode build(Plan plan, String planHash, List<TableRun> runs, ValidationReport report,
      String format, String compression, double seconds) {
    return build(plan, planHash, runs, report, format, compression, seconds, null);
  }

  static ObjectNode build(Plan plan, String planHash, List<TableRun> runs, ValidationReport report,
      String format, String compression, double seconds, SeriesRun series) {
    ObjectNode root = JSON.createObjectNode();
    root.put("synthgen_manifest", 1);
    ObjectNode p = root.putObject("plan");
    p.put("name", plan.name());
    p.put("industry", plan.industry());
    p.put("hash", planHash);
    p.put("seed", plan.seed());
    p.put("reference_date", plan.referenceDate().toString());
    p.put("file", PLAN_FILE);
    root.put("format", format);
    root.put("compression", compression);
    root.put("seconds", round(seconds));
    if (series != null) {
      if (series.snapshotAfter() != null) {
        root.put("snapshot_after", series.snapshotAfter());
      } else {
        root.put("batch", series.batch());
      }
      ObjectNode so = root.putObject("series");
      so.put("start", series.series().start());
      so.put("interval", series.series().interval());
      so.put("batches", series.series().batches());
    }
    ArrayNode tables = root.putArray("tables");
    for (TableRun r : runs) {
      ObjectNode t = tables.addObject();
      t.put("name", r.table());
      if (series != null) {
        t.put("role", series.roles().get(r.table()));
        Window w = series.windows().get(r.table());
        if (w != null) {
          ObjectNode wo = t.putObject("window");
          wo.put("start", w.start());
          wo.put("end", w.end());
        }
      }
      t.put("rows", r.rows());
      t.put("bytes", r.bytes());
      t.put("seconds", round(r.seconds()));
      ArrayNode files = t.putArray("files");
      for (FileEntry f : r.files()) {
        ObjectNode fo = files.addObject();
        fo.put("path", f.path());
        fo.put("rows", f.rows());
        fo.put("bytes", f.bytes());
        fo.put("sha256", f.sha256());
      }
    }
    ObjectNode v = root.putObject("validation");
    v.put("passed", report.passed());
    ArrayNode checks = v.putArray("checks");
    for (Check c : report.checks()) {
      ObjectNode co = checks.addObject();
      co.put("table", c.table());
      if (c.column() != null) {
        co.put("column", c.column());
      }
      co.put("kind", c.kind());
      co.put("expected", c.expected());
      co.put("observed", c.observed());
      co.put("passed", c.passed());
    }
    return root;
  }

  private static double round(double s) {
    return Math.round(s * 1000) / 1000.0;
  }

  /** Writes a file through a temporary name, so it appears complete or not at all. */
  static void writeAtomically(Path target, String content) throws IOException {
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static String toJson(ObjectNode node) throws IOException {
    return JSON.writeValueAsString(node) + "\n";
  }
}
