package io.synthgen.plan.validate;

import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import io.synthgen.plan.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * An advance column is moved by {@code batch · interval} after it is computed; an expression over another advance
 * column (directly, or through other expression and hidden helper columns) is computed from the moved value and so
 * already follows it: advancing it too would move it twice, out of its batch's window. Such a column is refused in
 * {@code batch.advance}, with the chain that makes it follow. Needs the columns' dependencies, which are known once
 * expressions are compiled, so the resolver runs it.
 */
public final class AdvanceChains {

  private AdvanceChains() {
  }

  /**
   * Every listed advance column of the plan's tables that depends on another advance column of its table.
   *
   * @param dependencies the columns of the same table that (table, column) is computed from; empty when none
   */
  public static List<Violation> check(Plan plan, BiFunction<String, String, List<String>> dependencies) {
    List<Violation> out = new ArrayList<>();
    for (int ti = 0; ti < plan.tables().size(); ti++) {
      Table t = plan.tables().get(ti);
      List<String> listed = t.batching().advance();
      if (listed == null || SeriesDefaults.advance(plan, t).isEmpty()) {
        continue;
      }
      Set<String> advancing = Set.copyOf(listed);
      for (int i = 0; i < listed.size(); i++) {
        String n = listed.get(i);
        List<String> chain = chain(t.name(), n, advancing, dependencies, new ArrayList<>(), new HashSet<>());
        if (chain != null) {
          String source = chain.get(chain.size() - 1);
          out.add(new Violation("tables[" + ti + "].batch.advance[" + i + "]", n, "column " + n + " is computed "
              + "from " + String.join(" <- ", chain.subList(1, chain.size())) + ", and " + source + " advances "
              + "itself: " + n + " already moves with it, and advancing " + n + " too would move it twice (by 2k "
              + "intervals in batch k), out of its batch's window", "remove " + n + " from \"advance\": it follows "
              + source));
        }
      }
    }
    return out;
  }

  /** The path from {@code column} to the first advance column it reads (both included), or null. */
  private static List<String> chain(String table, String column, Set<String> advancing,
      BiFunction<String, String, List<String>> dependencies, List<String> path, Set<String> seen) {
    path.add(column);
    for (String d : dependencies.apply(table, column)) {
      if (advancing.contains(d) && !d.equals(path.get(0))) {
        path.add(d);
        return path;
      }
      if (seen.add(d)) {
        List<String> found = chain(table, d, advancing, dependencies, path, seen);
        if (found != null) {
          return found;
        }
      }
    }
    path.remove(path.size() - 1);
    return null;
  }
}
