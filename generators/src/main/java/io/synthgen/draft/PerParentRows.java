package io.synthgen.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.PerParent;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import io.synthgen.plan.Violation;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.plan.validate.ExpectedRows;
import io.synthgen.plan.validate.PlanLimits;
import io.synthgen.plan.validate.PlanValidator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of a table generated per parent whose description leaves them out: its parent's expected rows times
 * the mean of its count, as the plan's rows rule computes them ({@link ExpectedRows}), so the drafted plan meets
 * that rule. A table whose per_parent (or an ancestor's) has a problem keeps the placeholder 0; the problem itself
 * is reported by the plan's validation, and the rows rule is not checked against an unusable count.
 */
final class PerParentRows {

  private PerParentRows() {
  }

  /**
   * Sets {@code rows} of the named tables of the plan tree (they hold a placeholder) to their expected rows, and
   * returns the paths of the rows it could not compute (their per_parent has a problem, reported at per_parent): a
   * rows rule broken at such a path is not the person's mistake, so it is not reported.
   */
  static Set<String> fill(ObjectNode tree, Set<String> tables) {
    Set<String> unknown = new HashSet<>();
    if (tables.isEmpty()) {
      return unknown;
    }
    PlanCodec.Decoded d = PlanCodec.decode(tree);
    Plan plan = d.plan();
    List<Violation> problems = new ArrayList<>(d.violations());
    problems.addAll(PlanValidator.validate(plan));
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < plan.tables().size(); i++) {
      if (plan.tables().get(i).name() != null) {
        index.putIfAbsent(plan.tables().get(i).name(), i);
      }
    }
    List<Table> usable = new ArrayList<>();
    for (int i = 0; i < plan.tables().size(); i++) {
      Table t = plan.tables().get(i);
      if (t.name() != null && index.get(t.name()) == i && usable(plan, t, index, problems, new HashSet<>())) {
        usable.add(t);
      }
    }
    Map<String, Long> expected = ExpectedRows.of(new Plan(plan.format(), plan.name(), plan.industry(),
        plan.description(), plan.seed(), plan.referenceDate(), plan.mainTable(), plan.tier(), plan.destination(),
        usable, plan.series()));
    ArrayNode ts = tree.withArray("tables");
    for (int i = 0; i < ts.size(); i++) {
      JsonNode t = ts.get(i);
      String name = t.path("name").asText();
      Long rows = expected.get(name);
      if (tables.contains(name) && t.isObject()) {
        if (rows != null) {
          ((ObjectNode) t).put("rows", Math.min(rows, PlanLimits.MAX_ROWS));
        } else {
          unknown.add("tables[" + i + "].rows");
        }
      }
    }
    return unknown;
  }

  /** True when the table's rows can be computed: it and every ancestor have a per_parent without problems. */
  private static boolean usable(Plan plan, Table t, Map<String, Integer> index, List<Violation> problems,
      Set<String> seen) {
    if (!seen.add(t.name())) {
      return false;
    }
    int i = index.get(t.name());
    PerParent pp = t.perParent();
    if (pp == null) {
      return !hasProblem(problems, "tables[" + i + "].rows");
    }
    if (pp.count() == null || pp.count().distribution() == null || pp.table() == null
        || !index.containsKey(pp.table()) || hasProblem(problems, "tables[" + i + "].per_parent")) {
      return false;
    }
    return usable(plan, plan.tables().get(index.get(pp.table())), index, problems, seen);
  }

  private static boolean hasProblem(List<Violation> problems, String path) {
    for (Violation v : problems) {
      if (v.path().equals(path) || v.path().startsWith(path + ".") || v.path().startsWith(path + "[")) {
        return true;
      }
    }
    return false;
  }
}
