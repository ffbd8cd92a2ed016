package io.synthgen.template;

import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import io.synthgen.plan.validate.ExpectedRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --rows N}: the plan's main table gets N rows and every other independent table keeps its ratio to it
 * (at least 1 row when it had any). Tables generated per parent get the rows their scaled parents are expected to
 * make.
 */
public final class Scaling {

  private Scaling() {
  }

  public static Plan scale(Plan plan, long rows) {
    if (rows < 0) {
      throw new IllegalArgumentException("--rows must be 0 or more, got " + rows);
    }
    String main = plan.mainTable() != null ? plan.mainTable() : plan.tables().get(0).name();
    Table mainTable = plan.table(main).orElseThrow(() ->
        new IllegalArgumentException("main_table " + main + " is not a table of the plan"));
    if (mainTable.perParent() != null) {
      throw new IllegalArgumentException("main_table " + main + " is generated per parent; scale its parent instead");
    }
    double factor = mainTable.rows() == 0 ? 0 : (double) rows / mainTable.rows();
    List<Table> out = new ArrayList<>();
    for (Table t : plan.tables()) {
      if (t.name().equals(main)) {
        out.add(t.withRows(rows));
      } else if (t.perParent() != null) {
        out.add(t); // set below, from the scaled parents
      } else {
        long n = Math.round(t.rows() * factor);
        out.add(t.withRows(t.rows() > 0 && rows > 0 ? Math.max(1, n) : n));
      }
    }
    // a table generated per parent gets what its scaled parents make (an independent table's minimum of 1 row can
    // make that more than the ratio would)
    Plan scaled = plan.withTables(out);
    Map<String, Long> expected = ExpectedRows.of(scaled);
    List<Table> tables = new ArrayList<>();
    for (Table t : out) {
      tables.add(t.perParent() != null && expected.containsKey(t.name()) ? t.withRows(expected.get(t.name())) : t);
    }
    return plan.withTables(tables);
  }
}
