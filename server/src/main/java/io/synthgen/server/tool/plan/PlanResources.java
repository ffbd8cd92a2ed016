package io.synthgen.server.tool.plan;

import io.synthgen.engine.Preview;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Table;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.server.plan.PlanStoreException;
import io.synthgen.server.plan.PlanVersion;
import io.synthgen.server.plan.StoredPlan;
import io.synthgen.server.tool.PlanChecks;
import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.ToolError;
import io.synthgen.server.view.PlanViews;
import io.synthgen.server.view.Samples;
import io.synthgen.template.TableSchemas;
import io.synthgen.vec.Batch;
import java.util.Map;

/**
 * The contents behind the plan resources: a version's plan JSON and rendered plan, its table schemas and its
 * sample rows (recomputed on demand: a sample is a pure function of the version).
 */
public final class PlanResources {

  private final Services services;

  public PlanResources(Services services) {
    this.services = services;
  }

  public String planJson(String id, int version) throws PlanStoreException {
    return PlanCodec.write(services.plans().version(id, version).plan());
  }

  public String planMarkdown(String id, int version) throws PlanStoreException, PlanException, ToolError {
    StoredPlan p = services.plans().get(id);
    PlanVersion v = services.plans().version(id, version);
    return PlanViews.render(p, v, services.resolved(id, v), PlanChecks.outputDir(services, v.plan()));
  }

  /** Null when the plan has no such table. */
  public String tableSchema(String id, int version, String table) throws PlanStoreException {
    Plan plan = services.plans().version(id, version).plan();
    Table t = plan.table(table).orElse(null);
    return t == null ? null : TableSchemas.json(plan, t);
  }

  /** Null when the plan has no such table. */
  public String sampleJsonl(String id, int version, String table) throws PlanStoreException, PlanException {
    PlanVersion v = services.plans().version(id, version);
    if (v.plan().table(table).isEmpty()) {
      return null;
    }
    ResolvedPlan r = services.resolved(id, v);
    Map<String, Batch> sample = Preview.generate(r, Samples.DEFAULT_PER_TABLE);
    return Samples.jsonl(sample.get(table));
  }
}
