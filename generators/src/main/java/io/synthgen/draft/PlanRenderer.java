package io.synthgen.draft;

import io.synthgen.draft.predict.PredictionText;
import io.synthgen.draft.predict.Predictions;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plan as the workflow presents it to a person ("Generation Plan"): a header with tier, engine, seed, compute
 * and output, a table per plan table with every column's type, generation and notes, the relationships, and the
 * options (looks good, sample, or changes). Everything shown is read from the plan.
 */
public final class PlanRenderer {

  /**
   * What the plan alone does not say.
   *
   * @param planId the id the plan is stored under, or null
   * @param version its version, or 0
   * @param decision the tier decision
   * @param engine the engine that will really run the plan, with any caveat
   * @param output where a full run writes, as shown to the person
   * @param exactRows each table's exact row count (tables generated per parent are known after resolving), or
   *     empty to show the plan's counts
   * @param predictions what the plan will make, shown after the relationships, or null to leave them out
   */
  public record Context(String planId, int version, Tiers.Decision decision, String engine, String output,
      Map<String, Long> exactRows, Predictions predictions) {

    /** Without predictions. */
    public Context(String planId, int version, Tiers.Decision decision, String engine, String output,
        Map<String, Long> exactRows) {
      this(planId, version, decision, engine, output, exactRows, null);
    }
  }

  private PlanRenderer() {
  }

  public static String markdown(Plan plan, Context ctx) {
    StringBuilder b = new StringBuilder();
    String title = plan.industry() != null ? capitalise(plan.industry()) : capitalise(plan.name());
    b.append("## 📋 Generation Plan: ").append(title);
    if (ctx.planId() != null) {
      b.append(" (").append(ctx.planId()).append(", version ").append(ctx.version()).append(')');
    }
    b.append("\n\n");
    b.append("**Tier:** ").append(ctx.decision().tier()).append(ctx.decision().unityCatalog() ? " + UC write" : "")
        .append(" | **Engine:** ").append(ctx.engine()).append(" | **Seed:** ").append(plan.seed()).append('\n');
    b.append("**Compute:** ").append(ctx.decision().compute()).append('\n');
    b.append("**Output:** ").append(ctx.output()).append('\n');
    if (plan.series() != null) {
      b.append("**Series:** ").append(SeriesText.series(plan)).append('\n');
    }
    if (plan.referenceDate() != null) {
      b.append("**Reference date:** ").append(plan.referenceDate()).append(" (\"today\" for relative dates)\n");
    }
    b.append('\n').append(ctx.decision().reason()).append('\n');
    if (plan.description() != null && !plan.description().isEmpty()) {
      b.append('\n').append(plan.description()).append('\n');
    }
    b.append("\n---\n");
    List<String> relationships = new ArrayList<>();
    for (Table t : plan.tables()) {
      long rows = ctx.exactRows().getOrDefault(t.name(), t.rows());
      if (t.history() != null) {
        b.append("\n### ").append(t.name()).append(" — history of ").append(t.history().of()).append("\n\n")
            .append("**Batches:** ").append(SeriesText.batchRole(plan, t, rows)).append('\n');
        continue;
      }
      b.append("\n### ").append(t.name()).append(" — ").append(String.format(Locale.ROOT, "%,d", rows))
          .append(" rows");
      if (t.perParent() != null) {
        b.append(" (").append(Describe.shaped(t.perParent().count())).append(" per ").append(t.perParent().table())
            .append(" row)");
      }
      b.append("\n\n");
      String role = SeriesText.batchRole(plan, t, rows);
      if (role != null) {
        b.append("**Batches:** ").append(role).append("\n");
      }
      String quality = SeriesText.quality(t);
      if (quality != null) {
        b.append("**Quality:** ").append(quality).append("\n");
      }
      if (role != null || quality != null) {
        b.append('\n');
      }
      b.append("| Column | Type | Generation | Notes |\n|---|---|---|---|\n");
      for (Column c : t.columns()) {
        b.append("| ").append(cell(c.name())).append(" | ").append(c.type()).append(" | ")
            .append(cell(Describe.generation(c.gen()))).append(" | ").append(cell(Describe.notes(t, c)))
            .append(" |\n");
        String ref = reference(c.gen());
        if (ref != null) {
          relationships.add("- `" + t.name() + "." + c.name() + "` → `" + ref + "`" + relationNote(c.gen()));
        }
      }
    }
    b.append("\n### Relationships\n");
    if (relationships.isEmpty()) {
      b.append("- none: the tables are independent\n");
    } else {
      relationships.forEach(r -> b.append(r).append('\n'));
    }
    if (ctx.predictions() != null) {
      b.append(PredictionText.markdown(ctx.predictions()));
    }
    b.append("\n---\n\n**Options:**\n")
        .append("- \"looks good\" → approve and generate the full dataset\n")
        .append("- \"sample\" → generate 100 rows per table as a preview first\n")
        .append("- or request changes (e.g., \"drop the ").append(plan.tables().get(plan.tables().size() - 1).name())
        .append(" table\", \"change rows to 50K\", \"add a discount_pct column\")\n");
    return b.toString();
  }

  private static String reference(ColumnGen g) {
    if (g instanceof ColumnGen.ForeignKey fk) {
      return fk.references();
    }
    if (g instanceof ColumnGen.Parent p) {
      return p.references();
    }
    return null;
  }

  private static String relationNote(ColumnGen g) {
    if (g instanceof ColumnGen.Parent) {
      return " (each parent row has its own rows)";
    }
    String d = Describe.fk(((ColumnGen.ForeignKey) g).distribution());
    return d.isEmpty() ? "" : d;
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }

  private static String capitalise(String s) {
    return s == null || s.isEmpty() ? "Custom" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
