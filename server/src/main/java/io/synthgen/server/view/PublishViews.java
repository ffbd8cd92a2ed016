package io.synthgen.server.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.draft.Tiers;
import io.synthgen.server.catalog.GenerationEstimate;
import io.synthgen.server.catalog.Preparation;
import io.synthgen.server.catalog.PublishRequest;
import io.synthgen.server.catalog.PublishResult;
import io.synthgen.server.catalog.TableAction;
import io.synthgen.server.catalog.Upload;
import io.synthgen.server.catalog.Warehouse;
import io.synthgen.server.catalog.WarehousePreparation;
import io.synthgen.server.job.JobStatus;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Publishing as JSON and text: a dry run's preparation, a finished publish, and what to do next. */
public final class PublishViews {

  private static final int LISTED_UPLOADS = 10;

  /**
   * Characters of a statement a dry run shows: a compiled table's statement carries its dictionaries and weights as
   * literals and can run to megabytes; the rest is cut (with its length said) so the answer stays a few thousand
   * tokens. {@code synthgen export --format sql} writes the statements in full.
   */
  public static final int SHOWN_STATEMENT_CHARS = 1_500;

  private PublishViews() {
  }

  /** Everything a publish would do. */
  public static ObjectNode preparation(Preparation p, String runNote) {
    ObjectNode o = header(p);
    ArrayNode creates = o.putArray("creates");
    if (p.createSchema()) {
      creates.add("schema " + p.request().catalog() + "." + p.request().schema());
    }
    if (p.createVolume()) {
      creates.add("volume " + p.request().catalog() + "." + p.request().schema() + "." + p.request().volume());
    }
    ArrayNode replaces = o.putArray("replaces");
    p.replaces().forEach(replaces::add);
    o.put("run", runNote);
    ObjectNode up = o.putObject("uploads");
    up.put("files", p.uploads().size());
    up.put("bytes", p.uploadBytes());
    up.put("to", p.stagingDir() != null ? p.stagingDir() : p.request().volumePath());
    ArrayNode list = up.putArray("list");
    for (Upload u : p.uploads().subList(0, Math.min(LISTED_UPLOADS, p.uploads().size()))) {
      list.add(u.local() + " -> " + u.remote());
    }
    if (p.uploads().size() > LISTED_UPLOADS) {
      list.add("… " + (p.uploads().size() - LISTED_UPLOADS) + " more");
    }
    ArrayNode tables = o.putArray("tables");
    for (TableAction t : p.tables()) {
      ObjectNode to = tables.addObject();
      to.put("name", t.table());
      to.put("target", t.target());
      to.put("action", t.action().jsonName());
      to.put("rows", t.rows());
      ArrayNode st = to.putArray("statements");
      t.statements().forEach(st::add);
    }
    if (!p.staleFiles().isEmpty()) {
      ArrayNode stale = o.putArray("removes_files");
      p.staleFiles().stream().limit(LISTED_UPLOADS).forEach(stale::add);
    }
    return o;
  }

  /** A finished publish. */
  public static ObjectNode result(PublishResult r) {
    ObjectNode o = header(r.preparation());
    ArrayNode tables = o.putArray("tables");
    for (PublishResult.TableResult t : r.tables()) {
      ObjectNode to = tables.addObject();
      to.put("name", t.table());
      to.put("target", t.target());
      to.put("action", t.action().jsonName());
      to.put("rows", t.rows());
      to.put("rows_verified", t.rowsVerified());
      to.put("files", t.files());
    }
    o.put("files_sent", r.filesSent());
    o.put("files_skipped", r.filesSkipped());
    o.put("bytes_sent", r.bytesSent());
    o.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
    ArrayNode w = o.putArray("warnings");
    r.warnings().forEach(w::add);
    return o;
  }

  /** Everything generating the tables in a warehouse would do, with the estimate of what it makes. */
  public static ObjectNode warehousePreparation(WarehousePreparation wp, GenerationEstimate e) {
    Preparation p = wp.tables();
    ObjectNode o = header(p);
    o.put("compute", compute(p, e));
    ArrayNode creates = o.putArray("creates");
    if (p.createSchema()) {
      creates.add("schema " + p.request().catalog() + "." + p.request().schema());
    }
    ArrayNode replaces = o.putArray("replaces");
    p.replaces().forEach(replaces::add);
    ObjectNode est = o.putObject("estimate");
    est.put("rows", e.rows());
    est.put("bytes_uncompressed", e.bytes());
    ArrayNode setup = o.putArray("setup");
    wp.setup().forEach(st -> setup.add(shown(st)));
    ArrayNode tables = o.putArray("tables");
    for (TableAction t : p.tables()) {
      ObjectNode to = tables.addObject();
      to.put("name", t.table());
      to.put("target", t.target());
      to.put("action", t.action().jsonName());
      to.put("rows", t.rows());
      to.put("statement_bytes", t.statements().stream().mapToLong(PublishViews::utf8).sum());
      ArrayNode st = to.putArray("statements");
      t.statements().forEach(x -> st.add(shown(x)));
    }
    return o;
  }

  /** A warehouse dry run for the person: the engine, the estimate, and what would be created or replaced. */
  public static String warehouseDryRun(WarehousePreparation wp, GenerationEstimate e) {
    Preparation p = wp.tables();
    StringBuilder b = new StringBuilder("Dry run — nothing was changed. write_to_uc would:");
    b.append("\n- generate the tables in the SQL warehouse ").append(p.warehouseReason());
    b.append("\n- Compute: ").append(compute(p, e));
    if (p.createSchema()) {
      b.append("\n- create the schema ").append(p.request().catalog()).append('.').append(p.request().schema());
    }
    if (!wp.setup().isEmpty()) {
      b.append("\n- run ").append(wp.setup().size()).append(" setup statement(s) once");
    }
    p.tables().forEach(t -> b.append(String.format(Locale.ROOT, "%n- %s %s (%,d rows, %d statements, %s of SQL)",
        t.action().jsonName(), t.target(), t.rows(), t.statements().size(),
        Tiers.bytesText(t.statements().stream().mapToLong(PublishViews::utf8).sum()))));
    b.append("\nNothing is generated or uploaded from this machine.");
    if (!p.replaces().isEmpty()) {
      b.append("\nReplacing ").append(String.join(", ", p.replaces())).append(" needs the person's confirmation.");
    }
    return b.toString();
  }

  /** The Compute line for the warehouse a preparation chose. */
  private static String compute(Preparation p, GenerationEstimate e) {
    return Tiers.warehouseCompute(p.warehouse().name(), p.warehouse().serverless(), e.rows(), e.bytes());
  }

  private static String shown(String statement) {
    if (statement.length() <= SHOWN_STATEMENT_CHARS) {
      return statement;
    }
    return statement.substring(0, SHOWN_STATEMENT_CHARS) + String.format(Locale.ROOT, " … (%,d more characters; "
        + "synthgen export --format sql writes the statements in full)", statement.length() - SHOWN_STATEMENT_CHARS);
  }

  private static long utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static ObjectNode header(Preparation p) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("engine", p.request().engine().jsonName());
    o.put("target", p.request().target().jsonName());
    o.put("catalog", p.request().catalog());
    o.put("schema", p.request().schema());
    if (p.stagingDir() != null || p.request().target() == PublishRequest.Target.FILES) {
      o.put("volume", p.request().volume());
    }
    o.put("mode", p.request().mode().jsonName());
    if (p.request().target() == PublishRequest.Target.FILES) {
      o.put("format", p.request().format().jsonName());
    }
    Warehouse w = p.warehouse();
    if (w != null) {
      ObjectNode wo = o.putObject("warehouse");
      wo.put("id", w.id());
      wo.put("name", w.name());
      wo.put("state", w.state());
      wo.put("serverless", w.serverless());
      wo.put("reason", p.warehouseReason());
    }
    return o;
  }

  /** A dry run for the person: what would be created, uploaded and loaded. */
  public static String dryRun(Preparation p, String runNote) {
    StringBuilder b = new StringBuilder("Dry run — nothing was changed. write_to_uc would:");
    if (p.warehouse() != null) {
      b.append("\n- use the SQL warehouse ").append(p.warehouseReason());
    }
    if (p.createSchema()) {
      b.append("\n- create the schema ").append(p.request().catalog()).append('.').append(p.request().schema());
    }
    if (p.createVolume()) {
      b.append("\n- create the volume ").append(p.request().volumePath());
    }
    b.append("\n- ").append(runNote);
    b.append(String.format(java.util.Locale.ROOT, "%n- upload %d files (%,d bytes) to %s", p.uploads().size(),
        p.uploadBytes(), p.stagingDir() != null ? p.stagingDir() : p.request().volumePath()));
    p.tables().forEach(t -> b.append(String.format(java.util.Locale.ROOT, "%n- %s %s (%,d rows, %d statements)",
        t.action().jsonName().replace('_', ' '), t.target(), t.rows(), t.statements().size())));
    if (!p.replaces().isEmpty()) {
      b.append("\nReplacing ").append(String.join(", ", p.replaces())).append(" needs the person's confirmation.");
    }
    return b.toString();
  }

  /** The person-facing summary of a finished publish (from its JSON, so a restarted server shows it too). */
  public static String text(JsonNode r) {
    StringBuilder b = new StringBuilder();
    boolean files = "files".equals(r.path("target").asText());
    if ("warehouse".equals(r.path("engine").asText())) {
      b.append(String.format(Locale.ROOT, "generated in %s.%s by the SQL warehouse in %.1f s (nothing uploaded)",
          r.path("catalog").asText(), r.path("schema").asText(), r.path("seconds").asDouble()));
    } else if ("job".equals(r.path("engine").asText())) {
      b.append(String.format(Locale.ROOT, "published to %s.%s in %.1f s by job run %d of %s (generated in "
          + "Databricks)", r.path("catalog").asText(), r.path("schema").asText(), r.path("seconds").asDouble(),
          r.path("run_id").asLong(), r.path("notebook_path").asText()));
    } else {
      b.append(String.format(Locale.ROOT, "%s %s.%s%s in %.1f s (%d files sent, %d already there)",
          files ? "landed files in" : "published to", r.path("catalog").asText(), r.path("schema").asText(),
          files ? "." + r.path("volume").asText() : "", r.path("seconds").asDouble(), r.path("files_sent").asInt(),
          r.path("files_skipped").asInt()));
    }
    if (r.has("warehouse")) {
      b.append("\nwarehouse: ").append(r.path("warehouse").path("reason").asText());
    }
    for (JsonNode t : r.path("tables")) {
      b.append(String.format(Locale.ROOT, "%n  %-40s %-13s %,12d rows%s", t.path("target").asText(),
          t.path("action").asText(), t.path("rows_verified").asLong(), files ? "" : " (count verified)"));
    }
    for (JsonNode w : r.path("warnings")) {
      b.append("\nwarning: ").append(w.asText());
    }
    return b.toString();
  }

  /** The next step after a publish job ended with {@code s}. */
  static String next(JobStatus s) {
    switch (s) {
      case QUEUED:
      case RUNNING:
        throw new IllegalArgumentException("a publish job that is " + s + " has not ended");
      case SUCCEEDED:
        return "tell the person which tables (or files) were written and that their row counts were verified";
      case FAILED:
        return "tell the person the error (it says what was changed and what was not); once the cause is fixed, "
            + "write_to_uc again resumes: uploaded files are not sent again";
      case CANCELLED:
      case INTERRUPTED:
        return "tell the person the publish stopped; tables not yet loaded keep their earlier data, and "
            + "write_to_uc again resumes it";
    }
    throw new IllegalStateException("no next step for " + s);
  }
}
