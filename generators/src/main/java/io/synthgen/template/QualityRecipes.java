package io.synthgen.template;

import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Defect;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Quality;
import io.synthgen.plan.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The data-quality recipe of each industry template (reference: the industry-specific DQ recipes) on the template's
 * own columns, and the generic defaults of the reference's combined {@code inject_quality_issues}. A column whose
 * template NULLs are the recipe's defect (retail email 2 %) has its null rate moved into the injected defect, so
 * the data keeps its share of NULLs and the ground truth names every one.
 */
final class QualityRecipes {

  /** The generic defaults: null rate, duplicate rate, late-arrival jitter, case noise and whitespace rates. */
  static final double NULL_RATE = 0.02;
  static final double DUPLICATE_RATE = 0.04;
  static final String LATE_ARRIVAL = "60 seconds";
  static final double CASE_RATE = 0.05;
  static final double WHITESPACE_RATE = 0.03;

  private QualityRecipes() {
  }

  static Plan apply(Plan p) throws PlanException {
    PlanEdit e = new PlanEdit(p, "quality");
    switch (p.industry()) {
      case "retail" -> {
        nulls(e, "customers", "email", 0.02);
        nulls(e, "customers", "phone", 0.01);
        duplicates(e, "transactions", 0.04);
      }
      case "healthcare" -> {
        nulls(e, "patients", "date_of_birth", 0.01);
        nulls(e, "patients", "address", 0.03);
        duplicates(e, "encounters", 0.02);
      }
      case "financial" -> {
        nulls(e, "transactions", "amount", 0.005);
        duplicates(e, "transactions", 0.01);
      }
      case "iot" -> {
        nulls(e, "sensor_readings", "metric_value", 0.02);
        duplicates(e, "sensor_readings", 0.01);
        if (e.column("sensor_readings", "metric_value") != null) {
          defect(e, "sensor_readings", new Defect.OutOfRange("metric_value", 0.005, null, 10.0));
        }
      }
      case "manufacturing" -> {
        nulls(e, "sensor_data", "energy", 0.005);
        duplicates(e, "sensor_data", 0.005);
      }
      default -> throw new IllegalStateException("no quality recipe for " + p.industry());
    }
    return e.result(plan -> plan);
  }

  /** NULLs injected at {@code rate}; the column's own null rate, the same defect before, is set to 0. */
  private static void nulls(PlanEdit e, String table, String column, double rate) {
    Column c = e.column(table, column);
    if (c == null) {
      return;
    }
    e.update(table, t -> {
      List<Column> cols = new ArrayList<>();
      for (Column x : t.columns()) {
        cols.add(x.name().equals(column) ? new Column(x.name(), x.type(), x.gen(), 0, x.omit(), x.unique(),
            x.note()) : x);
      }
      return t.withColumns(cols);
    });
    defect(e, table, new Defect.Nulls(List.of(column), rate));
  }

  private static void duplicates(PlanEdit e, String table, double rate) {
    defect(e, table, new Defect.Duplicates(rate));
  }

  /** Adds the defect to the table's quality, replacing one of the same kind on the same columns. */
  private static void defect(PlanEdit e, String table, Defect d) {
    e.update(table, t -> {
      Quality q = t.quality();
      List<Defect> defects = new ArrayList<>(q == null ? List.of() : q.defects());
      int same = -1;
      for (int i = 0; i < defects.size(); i++) {
        if (sameSlot(defects.get(i), d)) {
          same = i;
        }
      }
      if (same >= 0) {
        defects.set(same, d);
      } else {
        defects.add(d);
      }
      return t.withQuality(new Quality(defects, q == null ? Quality.GroundTruth.SIDECAR : q.groundTruth()));
    });
  }

  /** Whether two defects are the same kind on the same columns (so a second application replaces, not adds). */
  private static boolean sameSlot(Defect a, Defect b) {
    if (a.getClass() != b.getClass()) {
      return false;
    }
    if (a instanceof Defect.Nulls x && b instanceof Defect.Nulls y) {
      return x.columns().equals(y.columns());
    }
    if (a instanceof Defect.OutOfRange x && b instanceof Defect.OutOfRange y) {
      return x.column().equals(y.column());
    }
    return true;
  }

  /**
   * The reference's combined defaults on one table: NULLs in 2 % of its nullable columns' values, 4 % exact
   * duplicates, a ±60 s late-arrival jitter on its first timestamp column, case noise 5 % and whitespace 3 % on its
   * string columns. Keys (the primary key, unique, sequence, UUID, foreign key and parent columns) are left alone;
   * a part that has no column to act on is left out.
   */
  static Quality generic(Table t) {
    List<String> nullable = new ArrayList<>();
    List<String> strings = new ArrayList<>();
    String timestamp = null;
    for (Column c : t.columns()) {
      if (c.omit() || isKey(t, c)) {
        continue;
      }
      nullable.add(c.name());
      if (c.type().equals(DataType.STRING)) {
        strings.add(c.name());
      }
      if (timestamp == null && c.type().equals(DataType.TIMESTAMP)) {
        timestamp = c.name();
      }
    }
    List<Defect> defects = new ArrayList<>();
    if (!nullable.isEmpty()) {
      defects.add(new Defect.Nulls(nullable, NULL_RATE));
    }
    defects.add(new Defect.Duplicates(DUPLICATE_RATE));
    if (timestamp != null) {
      defects.add(new Defect.Jitter(timestamp, 1.0, LATE_ARRIVAL));
    }
    if (!strings.isEmpty()) {
      defects.add(new Defect.CaseNoise(strings, CASE_RATE));
      defects.add(new Defect.Whitespace(strings, WHITESPACE_RATE));
    }
    return new Quality(defects, t.quality() == null ? Quality.GroundTruth.SIDECAR : t.quality().groundTruth());
  }

  private static boolean isKey(Table t, Column c) {
    ColumnGen g = c.gen();
    return c.name().equals(t.primaryKey()) || c.unique() || g instanceof ColumnGen.Sequence
        || g instanceof ColumnGen.Uuid || g instanceof ColumnGen.ForeignKey || g instanceof ColumnGen.Parent;
  }
}
