package io.synthgen.server.tool.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.draft.SeriesText;
import io.synthgen.engine.Preview;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.server.plan.PlanVersion;
import io.synthgen.server.plan.StoredPlan;
import io.synthgen.server.tool.ServiceTool;
import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.ToolCall;
import io.synthgen.server.tool.ToolResult;
import io.synthgen.server.view.BatchSamples;
import io.synthgen.server.view.PlanViews;
import io.synthgen.server.view.Samples;
import io.synthgen.vec.Batch;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** generate_sample: rows of the full run, closed over foreign keys; heads as text, summaries as structure. */
final class GenerateSampleTool extends ServiceTool {

  /** The most rows per table a sample draws (the input schema's maximum of per_table). */
  static final int MAX_PER_TABLE = 1000;

  /** Rows per table shown in the text, by default and at most (the input schema's maximum of head). */
  static final int DEFAULT_HEAD = 20;
  static final int MAX_HEAD = 50;

  GenerateSampleTool(Services services) {
    super("generate_sample", services);
  }

  @Override
  public ToolResult call(ToolCall call) throws Exception {
    String id = call.require("plan_id");
    int version = call.version();
    int perTable = call.wholeInt("per_table", 1, MAX_PER_TABLE, Samples.DEFAULT_PER_TABLE);
    int head = call.wholeInt("head", 0, MAX_HEAD, DEFAULT_HEAD);
    StoredPlan p = services.plans().get(id);
    PlanVersion v = services.plans().version(id, version);
    ResolvedPlan r = services.resolved(id, v);
    Map<String, Batch> sample = Preview.generate(r, perTable);
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("plan_id", id);
    out.put("version", v.version());
    ArrayNode tables = out.putArray("tables");
    StringBuilder text = new StringBuilder("Sample of ").append(id).append(" version ").append(v.version())
        .append(": rows of the full run, with every referenced parent row.\n");
    for (Map.Entry<String, Batch> e : sample.entrySet()) {
      Batch b = e.getValue();
      long full = r.table(e.getKey()).rows();
      ObjectNode t = tables.addObject();
      t.put("name", e.getKey());
      t.put("sample_rows", b.size());
      t.put("full_rows", full);
      t.put("resource", PlanViews.uri(id, v.version(), "samples/" + e.getKey() + ".jsonl"));
      t.set("columns", Samples.summaries(b));
      text.append(String.format(Locale.ROOT, "%n### %s: %d sample rows of %,d%n", e.getKey(), b.size(), full));
      if (head > 0) {
        text.append(Samples.head(b, head));
      }
    }
    List<BatchSamples.Shown> batches = BatchSamples.of(r);
    if (!batches.isEmpty()) {
      out.set("batches", BatchSamples.json(batches));
      text.append("\nBatches of the series (").append(SeriesText.series(r.plan()))
          .append("): the first rows of batch 0 and batch 1 as each batch writes them.\n")
          .append(BatchSamples.text(batches));
    }
    String next = p.currentApproved() && v.version() == p.latest().version()
        ? "ask the person \"Generate the full dataset?\"; if yes, generate_full " + id
        : "ask the person \"Generate the full dataset?\"; if yes, approve_plan " + id + " version "
            + p.latest().version() + ", then generate_full";
    out.put("next_step", next);
    text.append("\nNext: ").append(next);
    return ToolResult.ok(out, text.toString());
  }
}
