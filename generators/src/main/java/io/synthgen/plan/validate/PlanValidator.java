package io.synthgen.plan.validate;

import io.synthgen.plan.Column;
import io.synthgen.plan.Destination;
import io.synthgen.plan.PerParent;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Shaped;
import io.synthgen.plan.Table;
import io.synthgen.plan.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The semantic rules of a plan that need no expression compiler: names, row counts, keys, each strategy's parameters
 * against its column type, references between tables and columns, table-level cycles, and every bound of
 * {@link PlanLimits} (rows a plan makes, children per parent, sizes), all before anything is laid out or generated
 * ({@link RowRules}). Every rule is checked and
 * every violation returned, each with its JSON path (as in the plan document), the value, the rule and a fix.
 * Expression syntax, column-level cycles and dictionary contents are checked by the resolver.
 */
public final class PlanValidator {

  /** The largest row count a table may ask for. */
  public static final long MAX_ROWS = PlanLimits.MAX_ROWS;

  /** The longest table or column name. */
  public static final int MAX_NAME_LENGTH = PlanLimits.MAX_NAME_LENGTH;

  /** Table and column names: a letter or underscore, then letters, digits and underscores. */
  public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final Pattern PLAN_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

  final Plan plan;
  final Issues out = new Issues();
  final Set<String> dictionaries;
  /** Tables by name (the first of duplicates), and the index of each in the plan. */
  final Map<String, Table> tables = new LinkedHashMap<>();
  final Map<Table, Integer> tableIndex = new java.util.IdentityHashMap<>();

  private PlanValidator(Plan plan, Set<String> dictionaries) {
    this.plan = plan;
    this.dictionaries = dictionaries;
    for (int i = 0; i < plan.tables().size(); i++) {
      Table t = plan.tables().get(i);
      if (t.name() != null) {
        tables.putIfAbsent(t.name(), t);
      }
      tableIndex.putIfAbsent(t, i);
    }
  }

  /** Every violation of the plan; dictionary names are only checked to be non-empty. */
  public static List<Violation> validate(Plan plan) {
    return new PlanValidator(plan, null).run();
  }

  /** Every violation of the plan, with dictionary names checked against {@code knownDictionaries}. */
  public static List<Violation> validate(Plan plan, Set<String> knownDictionaries) {
    return new PlanValidator(plan, Set.copyOf(knownDictionaries)).run();
  }

  /**
   * Every violation of a destination of a plan named {@code planName}, at paths under {@code destination}: the
   * rules {@link #validate(Plan)} applies to a plan's destination.
   */
  public static List<Violation> validateDestination(Destination destination, String planName) {
    Plan holder = new Plan(Plan.FORMAT, planName, null, null, Plan.DEFAULT_SEED, null, null, 0, destination,
        List.of());
    PlanValidator v = new PlanValidator(holder, null);
    v.destination(destination);
    return v.out.list();
  }

  /** Throws every violation at once, or returns when the plan is valid. */
  public static void requireValid(Plan plan) throws PlanException {
    List<Violation> v = validate(plan);
    if (!v.isEmpty()) {
      throw new PlanException(v);
    }
  }

  private List<Violation> run() {
    planFields();
    destination(plan.destination());
    for (int i = 0; i < checked(plan.tables().size(), PlanLimits.MAX_TABLES); i++) {
      table(plan.tables().get(i), "tables[" + i + "]");
    }
    if (plan.tables().size() <= PlanLimits.MAX_TABLES) {
      new RowRules(this).check();
      TableGraph.cycles(this);
      SeriesRules.check(this);
      FeedRules.check(this);
      QualityRules.check(this);
    }
    return out.list();
  }

  /**
   * How many items of a list to check one by one: all of them, or only the first {@code limit} when the list is over
   * its limit (the limit is reported once), so refusing an oversized list takes time linear in the limit.
   */
  static int checked(int size, int limit) {
    return Math.min(size, limit);
  }

  private void planFields() {
    if (!Plan.FORMAT.equals(plan.format())) {
      if (plan.format() == null) {
        out.missing("format", "missing format", "add \"format\": \"" + Plan.FORMAT + "\"");
      } else {
        out.add("format", plan.format(), "unsupported plan format", "write \"format\": \"" + Plan.FORMAT + "\"");
      }
    }
    if (plan.name() == null) {
      out.missing("name", "missing plan name", "add \"name\": a short name such as \"retail\"");
    } else if (!PLAN_NAME.matcher(plan.name()).matches() || plan.name().length() > MAX_NAME_LENGTH) {
      out.add("name", plan.name(), "a plan name is letters, digits, '_', '-' and '.', at most " + MAX_NAME_LENGTH
          + " characters, not starting with '.' or '-'", "use a name such as \"retail_demo\"");
    }
    text(plan.description(), "description");
    if (plan.referenceDate() == null) {
      out.missing("reference_date", "missing reference_date",
          "add \"reference_date\": the date relative dates count from, e.g. \"2025-01-01\"");
    }
    if (plan.tier() < 0 || plan.tier() > 3) {
      out.add("tier", plan.tier(), "tier must be 1, 2 or 3 (0 when not set)", "use 1, 2 or 3, or leave it out");
    }
    if (plan.tables().isEmpty()) {
      out.missing("tables", "a plan needs at least one table", "add a table to \"tables\"");
    } else if (plan.tables().size() > PlanLimits.MAX_TABLES) {
      out.add("tables", plan.tables().size() + " tables", "a plan has at most " + PlanLimits.MAX_TABLES + " tables",
          "split the plan into plans of at most " + PlanLimits.MAX_TABLES + " tables");
    }
    Map<String, String> seen = new HashMap<>();
    for (int i = 0; i < checked(plan.tables().size(), PlanLimits.MAX_TABLES); i++) {
      String n = plan.tables().get(i).name();
      if (n != null) {
        String first = seen.putIfAbsent(n.toLowerCase(Locale.ROOT), "tables[" + i + "]");
        if (first != null) {
          out.add("tables[" + i + "].name", n, "duplicate table name (also " + first
              + "; names are compared ignoring case)", "rename one of the tables");
        }
      }
    }
    if (plan.mainTable() == null) {
      if (!plan.tables().isEmpty()) {
        out.missing("main_table", "missing main_table", "name the table whose row count --rows sets, e.g. \""
            + plan.tables().get(0).name() + "\"");
      }
    } else if (!tables.containsKey(plan.mainTable())) {
      out.unknownName("main_table", plan.mainTable(), "main_table names no table", tables.keySet(), "tables");
    }
  }

  private void destination(Destination d) {
    if (d == null) {
      out.missing("destination", "missing destination", "add \"destination\": {\"kind\": \"local\", "
          + "\"path\": \"output/" + plan.name() + "\"}");
      return;
    }
    if (d.kind() == null) {
      out.missing("destination.kind", "missing destination kind", "use local or unity_catalog");
      return;
    }
    if (d.compression() == null) {
      out.missing("destination.compression", "missing compression", "use zstd, snappy, gzip or none");
    }
    switch (d.kind()) {
      case LOCAL:
        if (d.path() == null || d.path().isBlank()) {
          out.add("destination.path", d.path() == null ? "" : d.path(), "a local destination needs a path",
              "add \"path\": \"output/" + plan.name() + "\"");
        }
        if (d.format() == null) {
          out.missing("destination.format", "missing format", "use parquet, csv or jsonl");
        } else if (d.format() != Destination.Format.PARQUET && d.compression() != null
            && d.compression() != Destination.Compression.NONE && d.compression() != Destination.Compression.GZIP) {
          String f = d.format().name().toLowerCase(Locale.ROOT);
          out.add("destination.compression", d.compression().name().toLowerCase(Locale.ROOT), f
              + " files are written uncompressed or with gzip", "use \"compression\": \"none\" or \"gzip\" for "
              + f + " (or leave it out for none), or \"format\": \"parquet\" to keep "
              + d.compression().name().toLowerCase(Locale.ROOT));
        }
        break;
      case UNITY_CATALOG:
        for (String[] f : new String[][] {{"catalog", d.catalog()}, {"schema", d.schema()}}) {
          if (f[1] == null || f[1].isBlank()) {
            out.missing("destination." + f[0], "a unity_catalog destination needs a " + f[0],
                "ask the user which " + f[0] + " to write to; it is never defaulted");
          }
        }
        if (d.volume() != null && d.volume().isBlank()) {
          out.add("destination.volume", d.volume(), "volume must not be blank", "name a volume or leave it out");
        }
        if (d.format() != Destination.Format.PARQUET) {
          out.add("destination.format", String.valueOf(d.format()).toLowerCase(Locale.ROOT),
              "unity_catalog tables are loaded from parquet", "leave format out for unity_catalog");
        }
        break;
      default:
        throw new IllegalStateException("no rules for destination kind " + d.kind());
    }
  }

  private void table(Table t, String path) {
    identifier(t.name(), path + ".name", "table");
    if (!t.generated()) {
      // a history table: its columns and rows are its source's (SeriesRules checks the source)
      text(t.description(), path + ".description");
      return;
    }
    if (t.rows() < 0 || t.rows() > MAX_ROWS) {
      out.add(path + ".rows", t.rows(), "rows must be between 0 and " + MAX_ROWS,
          t.rows() < 0 ? "use a row count >= 0" : "generate at most 10^12 rows per table");
    }
    text(t.description(), path + ".description");
    if (t.columns().isEmpty()) {
      out.missing(path + ".columns", "a table needs at least one column", "add a column to \"columns\"");
    } else if (t.columns().size() > PlanLimits.MAX_COLUMNS) {
      out.add(path + ".columns", t.columns().size() + " columns", "a table has at most " + PlanLimits.MAX_COLUMNS
          + " columns", "split " + t.name() + " into tables of at most " + PlanLimits.MAX_COLUMNS + " columns");
    }
    Map<String, String> seen = new HashMap<>();
    for (int j = 0; j < checked(t.columns().size(), PlanLimits.MAX_COLUMNS); j++) {
      Column c = t.columns().get(j);
      String cp = path + ".columns[" + j + "]";
      identifier(c.name(), cp + ".name", "column");
      if (c.name() != null) {
        String first = seen.putIfAbsent(c.name().toLowerCase(Locale.ROOT), "columns[" + j + "]");
        if (first != null) {
          out.add(cp + ".name", c.name(), "duplicate column name in " + t.name() + " (also " + first
              + "; names are compared ignoring case)", "rename one of the columns");
        }
      }
      column(t, c, cp);
      if (c.unique() || c.name() != null && c.name().equals(t.primaryKey())) {
        KeyRules.check(this, t, c, cp);
      }
    }
    if (t.primaryKey() != null) {
      Column pk = column(t, t.primaryKey());
      if (pk == null) {
        out.unknownName(path + ".primary_key", t.primaryKey(), "primary_key names no column of " + t.name(),
            columnNames(t), "columns");
      } else {
        String cp = path + ".columns[" + t.columns().indexOf(pk) + "]";
        if (pk.nullRate() != 0) {
          out.add(cp + ".null_rate", pk.nullRate(), "a primary key column cannot be NULL", "set null_rate to 0");
        }
        if (pk.omit()) {
          out.add(cp + ".omit", true, "a primary key column cannot be omitted", "remove \"omit\"");
        }
      }
    }
    if (t.perParent() != null) {
      perParent(t, t.perParent(), path + ".per_parent");
      ParentLinks.check(this, t, path);
    }
  }

  private void perParent(Table t, PerParent p, String path) {
    if (p.table() == null) {
      out.missing(path + ".table", "missing per_parent table", "name the parent table");
    } else if (p.table().equals(t.name())) {
      out.add(path + ".table", p.table(), "a table cannot be generated per row of itself",
          "name another table, or remove per_parent");
    } else if (!tables.containsKey(p.table())) {
      out.unknownName(path + ".table", p.table(), "per_parent names no table", tables.keySet(), "tables");
    }
    Shaped count = p.count();
    if (count == null) {
      out.missing(path + ".count", "missing per_parent count", "add \"count\": {\"distribution\": {\"type\": "
          + "\"poisson\", \"lambda\": 3}, \"min\": 1}");
      return;
    }
    DistributionRules.shaped(out, count, path + ".count");
    if (count.min() != null && count.min() < 0) {
      out.add(path + ".count.min", count.min(), "a child count cannot be negative", "use min >= 0");
    } else if (count.min() == null && count.distribution() != null && Double.isFinite(count.scale())
        && Double.isFinite(count.offset())) {
      double low = DistributionRules.lowerBound(count.distribution());
      if (count.scale() < 0 || count.offset() + count.scale() * low < 0) {
        out.missing(path + ".count.min", "the child count can be negative",
            "add \"min\": 0 (or 1 when every parent has children)");
      }
    }
  }

  private void column(Table t, Column c, String path) {
    if (c.type() == null) {
      out.missing(path + ".type", "missing type", "types are: " + io.synthgen.plan.DataType.ALLOWED);
    }
    if (!(c.nullRate() >= 0 && c.nullRate() <= 1)) {
      out.add(path + ".null_rate", c.nullRate(), "null_rate must be between 0 and 1",
          "write a fraction: 0.02 means 2% NULLs");
    }
    text(c.note(), path + ".note");
    if (c.gen() == null) {
      out.missing(path + ".strategy", "missing strategy", "strategies are: "
          + Suggest.list(io.synthgen.plan.ColumnGen.STRATEGIES));
      return;
    }
    new StrategyRules(this, t, c, path).check();
  }

  /** A description or note: at most {@value PlanLimits#MAX_TEXT_LENGTH} characters. */
  private void text(String s, String path) {
    if (s != null && s.length() > PlanLimits.MAX_TEXT_LENGTH) {
      out.add(path, s, "at most " + PlanLimits.MAX_TEXT_LENGTH + " characters (this has " + s.length() + ")",
          "shorten it to " + PlanLimits.MAX_TEXT_LENGTH + " characters or fewer");
    }
  }

  private void identifier(String name, String path, String what) {
    if (name == null) {
      out.missing(path, "missing " + what + " name", "add \"name\"");
    } else if (!IDENTIFIER.matcher(name).matches() || name.length() > MAX_NAME_LENGTH) {
      String fixed = name.replaceAll("[^A-Za-z0-9_]+", "_");
      if (fixed.isEmpty() || Character.isDigit(fixed.charAt(0))) {
        fixed = "_" + fixed;
      }
      out.add(path, name, "a " + what + " name starts with a letter or '_', then letters, digits or '_' (at most "
          + MAX_NAME_LENGTH + " characters)", "use e.g. \"" + fixed + "\"");
    }
  }

  /** The named column, or null; unlike {@link Table#column} it tolerates columns without a name. */
  static Column column(Table t, String name) {
    for (Column c : t.columns()) {
      if (c.name() != null && c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }

  static List<String> columnNames(Table t) {
    List<String> names = new ArrayList<>();
    for (Column c : t.columns()) {
      if (c.name() != null) {
        names.add(c.name());
      }
    }
    return names;
  }

  String tablePath(Table t) {
    return "tables[" + tableIndex.get(t) + "]";
  }
}
