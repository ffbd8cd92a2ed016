package io.synthgen.compile;

import io.synthgen.column.ChildLayout;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.sql.SqlText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One SQL statement being written: the common table expressions its tables share (the layouts of tables generated
 * per parent) and the numbering of its joins. Every table compiled into the statement, the main one and the child
 * tables its aggregates group, registers here, so each layout is written once.
 */
final class Statement {

  /** Parents per block of the two-level running sum of child counts (as the local {@code ChildIndex}). */
  static final long BLOCK = 128;

  final ResolvedPlan plan;
  private final int partitions;
  private final Map<String, String> ctes = new LinkedHashMap<>();
  private int joins;

  Statement(ResolvedPlan plan, int partitions) {
    this.plan = plan;
    this.partitions = partitions;
  }

  /** A fresh join number. */
  int nextJoin() {
    return ++joins;
  }

  /** {@code range(start, end)}, sliced as the options say. */
  String range(long start, long end) {
    return "range(" + start + ", " + end + (partitions > 0 ? ", 1, " + partitions : "") + ")";
  }

  /** The statement: its common table expressions, then {@code body}. */
  String with(String body) {
    if (ctes.isEmpty()) {
      return body;
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, String> e : ctes.entrySet()) {
      parts.add(SqlText.ident(e.getKey()) + " AS (" + e.getValue() + ")");
    }
    return "WITH " + String.join(",\n", parts) + "\n" + body;
  }

  /**
   * The layout of per-parent table {@code child} in batch {@code batch}: one row per child row with {@code __r} (the
   * child row as the local engine numbers it), {@code __pp} (its parent row) and {@code __ord} (its position among
   * its siblings). Parent p of the batch has {@code count(p)} children, drawn at the parent's row within the batch;
   * its first child is the running total of the counts before it, summed per block of {@value #BLOCK} parents and
   * then within the block, so no window spans all parents.
   */
  String layout(ResolvedTable child, long batch) {
    String name = "__layout_" + plan.tables().indexOf(child) + "_b" + batch;
    if (ctes.containsKey(name)) {
      return SqlText.ident(name);
    }
    ChildLayout layout = child.layout();
    ResolvedTable parent = plan.table(layout.parentTable());
    long parents = layout.parentCount();
    long rowOffset = child.firstRow(batch);
    long parentOffset = child.appends() && parent.appends() ? parent.firstRow(batch) : 0;
    String counts = name + "_n";
    String blocks = name + "_o";
    ctes.put(counts, "SELECT id AS `__p`, " + ChildCounts.sql(child, "id") + " AS `__n` FROM "
        + range(0, parents));
    ctes.put(blocks, "SELECT `__blk`, COALESCE(SUM(`__bs`) OVER (ORDER BY `__blk` ROWS BETWEEN UNBOUNDED PRECEDING "
        + "AND 1 PRECEDING), 0L) AS `__bo` FROM (SELECT `__p` DIV " + BLOCK + "L AS `__blk`, SUM(`__n`) AS `__bs` "
        + "FROM " + SqlText.ident(counts) + " GROUP BY `__p` DIV " + BLOCK + "L)");
    ctes.put(name, "SELECT " + SqlText.lit(rowOffset) + " + `__bo` + `__pf` + `__ord` AS `__r`, "
        + SqlText.lit(parentOffset) + " + `__p` AS `__pp`, `__ord` FROM (SELECT *, explode(sequence(0L, `__n` - 1L)) "
        + "AS `__ord` FROM (SELECT n.`__p`, n.`__n`, o.`__bo`, SUM(n.`__n`) OVER (PARTITION BY n.`__p` DIV " + BLOCK
        + "L ORDER BY n.`__p` ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - n.`__n` AS `__pf` FROM "
        + SqlText.ident(counts) + " n JOIN " + SqlText.ident(blocks) + " o ON n.`__p` DIV " + BLOCK
        + "L = o.`__blk` WHERE n.`__n` > 0))");
    return SqlText.ident(name);
  }
}
