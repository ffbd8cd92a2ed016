package io.synthgen.compile;

import io.synthgen.column.ParentGen;
import io.synthgen.column.ParentKeys;
import io.synthgen.plan.DataType;
import io.synthgen.resolve.ResolvedColumn;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.sql.SqlScope;
import io.synthgen.sql.SqlText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SELECT of one table (one batch, all its rows or a range of them), built in layers of nested SELECTs.
 *
 * <p>A <em>frame</em> is a table at a row: frame 0 is the table itself at its row {@code __row}; following a foreign
 * key (or parent) column of a frame gives the frame of the parent at the row the key draws, so a lookup, or a key
 * that reads a parent column, recomputes the parent's column at that row with no join. Each value (a frame's row, a
 * column of a frame) gets a hidden alias ({@code __f<frame>__<column>}, {@code __f<frame>_row}) and goes one layer
 * above the deepest value it reads; every layer is {@code SELECT *, <its values> FROM (<the layer below>)}. Joins
 * appear only where the local engine reads other rows: child aggregates (a grouped subquery over the child table's
 * own SELECT) and the parent and position of a row of a per-parent table reached through a key (its layout).
 *
 * <p>A column's value is made as {@code TableEvaluator} makes it: the generator's SQL, then its advance shift
 * (append tables of a series), then its null rate (NULL where {@code uniform(nullStream) < rate}), before any other
 * value reads it. Not thread-safe: one per compiled SELECT.
 */
final class TableSql {

  private final Statement st;
  private final ResolvedPlan plan;
  private final ResolvedTable table;
  private final String base;
  private final List<Frame> frames = new ArrayList<>();
  private final Map<String, Frame> childFrames = new HashMap<>();
  private final Map<String, String> nodes = new HashMap<>();
  private final Map<String, Integer> layerOf = new HashMap<>();
  private final Set<String> inProgress = new HashSet<>();
  private final List<List<String>> projections = new ArrayList<>();
  private final List<List<java.util.function.Supplier<String>>> joins = new ArrayList<>();
  /** The aggregate joins by "frame/child table": one grouped subquery for all aggregates of a frame over a child. */
  private final Map<String, AggregateJoin> aggregateJoins = new HashMap<>();
  private final Deque<int[]> deps = new ArrayDeque<>();
  /** The node being compiled: "frame/column", and its column. */
  private final Deque<String> current = new ArrayDeque<>();
  private final Deque<ResolvedColumn> currentColumn = new ArrayDeque<>();

  /** A table at a row: its row's alias, its batch, and (per-parent tables) its parent row and position. */
  private static final class Frame {
    final int id;
    final ResolvedTable table;
    final long batch;
    final String row;
    String parentRow;
    String ordinal;

    Frame(int id, ResolvedTable table, long batch, String row) {
      this.id = id;
      this.table = table;
      this.batch = batch;
      this.row = row;
    }
  }

  /**
   * Rows [first, first + count) of batch {@code batch} of {@code table}, or every row of the batch when {@code
   * count} is negative. {@code first} counts from the batch's first row.
   */
  TableSql(Statement st, ResolvedTable table, long batch, long first, long count) {
    this.st = st;
    this.plan = st.plan;
    this.table = table;
    long b = table.appends() ? batch : 0;
    long start = Math.addExact(table.firstRow(b), first);
    long end = count < 0 ? Math.addExact(table.firstRow(b), table.rows()) : Math.addExact(start, count);
    Frame f = new Frame(0, table, b, "__row");
    frames.add(f);
    layerOf.put("__row", 0);
    if (table.layout() == null) {
      base = "SELECT id AS `__row` FROM " + st.range(start, end);
    } else {
      f.parentRow = "__pp";
      f.ordinal = "__ord";
      layerOf.put("__pp", 0);
      layerOf.put("__ord", 0);
      String where = first == 0 && count < 0 ? "" : " WHERE `__r` >= " + SqlText.lit(start) + " AND `__r` < "
          + SqlText.lit(end);
      base = "SELECT `__r` AS `__row`, `__pp`, `__ord` FROM " + st.layout(table, b) + where;
    }
  }

  /** The alias of column {@code name} of the table at its own row (compiling it and what it reads). */
  String column(String name) {
    return node(frames.get(0), name);
  }

  /**
   * The statement body: {@code SELECT <outputs> FROM <the layers>}, each output an expression over aliases (give
   * them with {@link SqlText#ident}) followed by its {@code AS} name.
   */
  String select(List<String> outputs) {
    StringBuilder q = new StringBuilder(base);
    for (int layer = 1; layer < projections.size(); layer++) {
      List<String> p = projections.get(layer);
      List<java.util.function.Supplier<String>> j = joins.get(layer);
      String inner = q.toString();
      q.setLength(0);
      q.append("SELECT *");
      for (String x : p) {
        q.append(",\n  ").append(x);
      }
      q.append("\nFROM (").append(inner).append(") `__l").append(layer).append('`');
      for (java.util.function.Supplier<String> x : j) {
        q.append("\n").append(x.get());
      }
    }
    return "SELECT " + String.join(", ", outputs) + "\nFROM (" + q + ") `__out`";
  }

  /** The output expression of a column: its alias, cast to the column's Spark type where its value has another. */
  String output(String name) {
    String alias = SqlText.ident(column(name));
    DataType type = table.column(name).spec().type();
    DataType valueType = valueType(table, name);
    return (valueType.equals(type) ? alias : "CAST(" + alias + " AS " + io.synthgen.column.ValueSql.sparkType(type) + ")") + " AS "
        + SqlText.ident(name);
  }

  /** The type a column's SQL has: a key's is its parent key's, a lookup's its parent column's, else its own. */
  private DataType valueType(ResolvedTable t, String name) {
    io.synthgen.plan.Column c = t.column(name).spec();
    String ref = null;
    if (c.gen() instanceof io.synthgen.plan.ColumnGen.ForeignKey fk) {
      ref = fk.references();
    } else if (c.gen() instanceof io.synthgen.plan.ColumnGen.Parent p) {
      ref = p.references();
    } else if (c.gen() instanceof io.synthgen.plan.ColumnGen.Lookup l) {
      io.synthgen.plan.Column via = t.column(l.via()).spec();
      String vref = via.gen() instanceof io.synthgen.plan.ColumnGen.ForeignKey fk ? fk.references()
          : ((io.synthgen.plan.ColumnGen.Parent) via.gen()).references();
      return valueType(plan.table(vref.substring(0, vref.indexOf('.'))), l.column());
    }
    if (ref == null) {
      return c.type();
    }
    return valueType(plan.table(ref.substring(0, ref.indexOf('.'))), ref.substring(ref.indexOf('.') + 1));
  }

  // --- values and their layers

  private void use(String alias) {
    Integer layer = layerOf.get(alias);
    if (layer == null) {
      throw new IllegalStateException("no layer for " + alias);
    }
    if (!deps.isEmpty() && deps.peek()[0] < layer) {
      deps.peek()[0] = layer;
    }
  }

  private String ref(String alias) {
    use(alias);
    return SqlText.ident(alias);
  }

  private void place(int layer, String alias, String sql) {
    while (projections.size() <= layer) {
      projections.add(new ArrayList<>());
      joins.add(new ArrayList<>());
    }
    projections.get(layer).add(sql + " AS " + SqlText.ident(alias));
    layerOf.put(alias, layer);
  }

  private void placeJoin(int layer, java.util.function.Supplier<String> join, List<String> aliases) {
    while (projections.size() <= layer) {
      projections.add(new ArrayList<>());
      joins.add(new ArrayList<>());
    }
    joins.get(layer).add(join);
    for (String a : aliases) {
      layerOf.put(a, layer);
    }
  }

  /** Column {@code name} of frame {@code f}: its alias, compiled on first use. */
  private String node(Frame f, String name) {
    String key = f.id + "/" + name;
    String alias = nodes.get(key);
    if (alias != null) {
      use(alias);
      return alias;
    }
    if (!inProgress.add(key)) {
      throw new IllegalStateException(f.table.name() + "." + name + " depends on itself");
    }
    ResolvedColumn c = f.table.column(name);
    deps.push(new int[] {0});
    current.push(key);
    currentColumn.push(c);
    int layer;
    String sql;
    try {
      sql = c.generator().sql(new FrameScope(f));
      if (f.table.appends() && f.table.advance().contains(name) && f.table.rows() > 0) {
        sql = shifted(f, c.spec().type(), sql);
      }
      double rate = c.spec().nullRate();
      if (rate > 0) {
        sql = "CASE WHEN " + SqlText.toUniform("xxhash64(" + ref(f.row) + ", " + SqlText.lit(c.nullStream().key())
            + ")") + " < " + SqlText.lit(rate) + " THEN NULL ELSE " + sql + " END";
      }
    } finally {
      currentColumn.pop();
      current.pop();
      layer = deps.pop()[0] + 1;
    }
    alias = "__f" + f.id + "__" + name;
    place(layer, alias, sql);
    nodes.put(key, alias);
    inProgress.remove(key);
    use(alias);
    return alias;
  }

  /** An advance column moved by its row's batch times the series' interval: whole days for a date. */
  private String shifted(Frame f, DataType type, String sql) {
    String micros = "((" + ref(f.row) + " DIV " + SqlText.lit(f.table.rows()) + ") * "
        + SqlText.lit(plan.intervalMicros()) + ")";
    return switch (type.kind()) {
      case DATE -> "date_add(" + sql + ", CAST(" + micros + " DIV 86400000000L AS INT))";
      case TIMESTAMP -> "timestamp_micros(unix_micros(" + sql + ") + " + micros + ")";
      default -> throw new IllegalStateException(f.table.name() + " advances a column that is not a date or "
          + "timestamp");
    };
  }

  /** The frame of the parent that key column {@code fk} of frame {@code f} points to. */
  private Frame childFrame(Frame f, String fk) {
    String key = f.id + "/" + fk;
    Frame g = childFrames.get(key);
    if (g != null) {
      return g;
    }
    ParentKeys keys = f.table.column(fk).generator().parentKeys();
    if (keys == null) {
      throw new IllegalStateException(f.table.name() + "." + fk + " is not a foreign key");
    }
    ResolvedTable parent = plan.table(keys.parentTable());
    deps.push(new int[] {0});
    current.push("frame:" + key);
    String raw;
    int layer;
    try {
      raw = keys.parentRowSql(new FrameScope(f));
      if (f.table.appends() && parent.appends() && !(keys instanceof ParentGen) && f.table.rows() > 0) {
        // a key of an append table into an append parent points into the parent's rows of the same batch
        raw = "(" + raw + " + (" + ref(f.row) + " DIV " + SqlText.lit(f.table.rows()) + ") * "
            + SqlText.lit(parent.rows()) + ")";
      }
    } finally {
      current.pop();
      layer = deps.pop()[0] + 1;
    }
    int id = frames.size();
    String alias = "__f" + id + "_row";
    place(layer, alias, raw);
    g = new Frame(id, parent, parent.appends() ? f.batch : 0, alias);
    frames.add(g);
    childFrames.put(key, g);
    return g;
  }

  /** The parent row and position of a per-parent frame's row: a join against its table's layout. */
  private void locate(Frame f) {
    if (f.table.layout() == null) {
      throw new IllegalStateException(f.table.name() + " is not generated per parent");
    }
    if (f.parentRow != null) {
      return;
    }
    int j = st.nextJoin();
    String jr = "__j" + j + "_r";
    String pp = "__f" + f.id + "_pp";
    String ord = "__f" + f.id + "_ord";
    int layer = layerOf.get(f.row) + 1;
    String join = "LEFT JOIN (SELECT `__r` AS " + SqlText.ident(jr) + ", `__pp` AS " + SqlText.ident(pp)
        + ", `__ord` AS " + SqlText.ident(ord) + " FROM " + st.layout(f.table, f.batch) + ") `__j" + j + "` ON "
        + SqlText.ident(f.row) + " = " + SqlText.ident(jr);
    placeJoin(layer, () -> join, List.of(pp, ord));
    f.parentRow = pp;
    f.ordinal = ord;
  }

  /** An aggregate over the children in {@code childTable} of frame {@code f}'s row, typed as the current column. */
  private String aggregate(Frame f, String childTable, String function, String column) {
    ResolvedTable child = plan.table(childTable);
    if (child.layout() == null || !child.layout().parentTable().equals(f.table.name())) {
      throw new IllegalStateException(childTable + " is not generated per row of " + f.table.name());
    }
    DataType type = currentColumn.peek().spec().type();
    String row = ref(f.row);
    if (function.equals("count")) {
      boolean parentAppends = child.appends() && f.table.appends();
      String local = parentAppends ? "pmod(" + row + ", " + SqlText.lit(child.layout().parentCount()) + ")" : row;
      return Aggregates.count(ChildCounts.sql(child, local), type);
    }
    AggregateJoin join = aggregateJoins.get(f.id + "/" + childTable);
    if (join == null) {
      join = new AggregateJoin(f, new TableSql(st, child, f.batch, 0, -1), st.nextJoin());
      aggregateJoins.put(f.id + "/" + childTable, join);
      placeJoin(layerOf.get(f.row) + 1, join::sql, List.of());
    }
    Aggregates agg = Aggregates.of(function, child.column(column).spec().type(), type);
    String raw = join.add(column, agg.grouped());
    layerOf.put(raw, layerOf.get(f.row) + 1);
    return agg.value(ref(raw));
  }

  /**
   * The aggregates of one frame over one child table: a LEFT JOIN of the frame's row with the child table's own
   * SELECT grouped by parent row, computing every aggregate the frame's columns ask for in one pass.
   */
  private static final class AggregateJoin {
    final Frame frame;
    final TableSql child;
    final int id;
    final Map<String, String> childColumns = new java.util.LinkedHashMap<>();
    final Map<String, String> aggregates = new java.util.LinkedHashMap<>();

    AggregateJoin(Frame frame, TableSql child, int id) {
      this.frame = frame;
      this.child = child;
      this.id = id;
    }

    /** Adds an aggregate (over {@code __v<k>}, the column's values) and gives the alias of its result. */
    String add(String column, String grouped) {
      String v = childColumns.computeIfAbsent(column, c -> {
        child.column(c);
        return "__v" + childColumns.size();
      });
      String expr = grouped.replace("`__v`", SqlText.ident(v));
      for (Map.Entry<String, String> e : aggregates.entrySet()) {
        if (e.getValue().equals(expr)) {
          return e.getKey();
        }
      }
      String raw = "__j" + id + "_" + aggregates.size();
      aggregates.put(raw, expr);
      return raw;
    }

    String sql() {
      List<String> outputs = new ArrayList<>(List.of("`__row`", "`__pp`"));
      for (Map.Entry<String, String> e : childColumns.entrySet()) {
        outputs.add(SqlText.ident(child.column(e.getKey())) + " AS " + SqlText.ident(e.getValue()));
      }
      String key = "__j" + id + "_key";
      StringBuilder b = new StringBuilder("LEFT JOIN (SELECT `__pp` AS ").append(SqlText.ident(key));
      for (Map.Entry<String, String> e : aggregates.entrySet()) {
        b.append(", ").append(e.getValue()).append(" AS ").append(SqlText.ident(e.getKey()));
      }
      return b.append(" FROM (").append(child.select(outputs)).append(") GROUP BY `__pp`) `__j").append(id)
          .append("` ON ").append(SqlText.ident(frame.row)).append(" = ").append(SqlText.ident(key)).toString();
    }
  }

  /** What a generator's SQL sees in frame {@code f}. */
  private final class FrameScope implements SqlScope {

    private final Frame f;

    FrameScope(Frame f) {
      this.f = f;
    }

    @Override
    public String row() {
      return ref(f.row);
    }

    @Override
    public String rowHash() {
      return "xxhash64(" + row() + ")";
    }

    @Override
    public String column(String name) {
      int dot = name.indexOf('.');
      if (dot > 0) {
        String via = f.table.viaFor(name.substring(0, dot));
        if (via == null) {
          throw new IllegalStateException(f.table.name() + " has no foreign key to " + name.substring(0, dot));
        }
        return parentColumn(via, name.substring(dot + 1));
      }
      return SqlText.ident(node(f, name));
    }

    /** The key column's own generator reads its parent unmasked (the mask is the key itself). */
    private boolean own(String fkColumn) {
      return (f.id + "/" + fkColumn).equals(current.peek());
    }

    private String masked(String fkColumn, String value) {
      if (own(fkColumn)) {
        return value;
      }
      return "CASE WHEN " + SqlText.ident(node(f, fkColumn)) + " IS NULL THEN NULL ELSE " + value + " END";
    }

    @Override
    public String parentRow(String fkColumn) {
      Frame g = childFrame(f, fkColumn);
      return masked(fkColumn, ref(g.row));
    }

    @Override
    public String parentColumn(String fkColumn, String parentColumn) {
      Frame g = childFrame(f, fkColumn);
      return masked(fkColumn, SqlText.ident(node(g, parentColumn)));
    }

    @Override
    public String batch() {
      return SqlText.lit(f.batch);
    }

    @Override
    public String perParentParentRow() {
      locate(f);
      return ref(f.parentRow);
    }

    @Override
    public String perParentOrdinal() {
      locate(f);
      return ref(f.ordinal);
    }

    @Override
    public String childAggregate(String childTable, String function, String column) {
      return aggregate(f, childTable, function, column);
    }

    @Override
    public String constantArray(String hint, String sqlArray) {
      return sqlArray;
    }
  }
}
