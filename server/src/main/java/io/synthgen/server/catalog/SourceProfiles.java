package io.synthgen.server.catalog;

import io.synthgen.engine.Cancellation;
import io.synthgen.plan.DataType;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.plan.validate.PlanLimits;
import io.synthgen.profile.ColumnProfile;
import io.synthgen.profile.ForeignKeyCandidate;
import io.synthgen.profile.ProfileLimits;
import io.synthgen.profile.SourceProfile;
import io.synthgen.profile.TableProfile;
import io.synthgen.profile.scan.Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Profiles of Unity Catalog tables, made on a SQL warehouse through {@link Workspace#execute}: DESCRIBE TABLE for
 * names, types and comments, then aggregate statements (counts, approximate and exact distinct counts, min/max,
 * moments, percentiles and quantiles the distribution is fitted on, value and shape counts, key checks, and
 * foreign-key checks between the tables by anti-join). Rows never leave the warehouse: only aggregates come back,
 * and a value (or a shape's smallest and largest value) held by fewer than k rows is replaced by NULL in the
 * statement itself, unless the person allowed the column's values. The result is the same {@link SourceProfile} the
 * file profiler makes, so the same planner turns it into a plan.
 */
public final class SourceProfiles {

  /** Tables of one request. */
  public static final int MAX_TABLES = 16;

  /** Columns of one table profiled (later ones are left out, with a note). */
  public static final int MAX_COLUMNS = ProfileLimits.MAX_COLUMNS;

  /** Columns whose aggregates share one statement. */
  public static final int COLUMNS_PER_STATEMENT = 32;

  /** Characters of one statement; the batches above keep every statement under it (255-character names included). */
  public static final int MAX_SQL_CHARS = 512 * 1024;

  /** Columns of a table checked exactly for uniqueness (COUNT DISTINCT). */
  public static final int MAX_KEY_CHECKS = 16;

  /** Foreign-key checks (anti-joins) of one request. */
  public static final int MAX_FK_CHECKS = 32;

  private static final List<String> KEY_SUFFIXES = List.of("_id", "id", "_key", "_code", "_no", "_number", "_ref");

  /** Whether the person allowed the values of {@code table.column} into the plan whatever their count. */
  @FunctionalInterface
  public interface Allowed {
    boolean test(String table, String column);
  }

  /**
   * What to profile: {@code table} and/or {@code tables}, each {@code catalog.schema.table}; an entry of
   * {@code tables} without dots names a table in {@code table}'s catalog and schema.
   */
  public record Request(String table, List<String> tables) {

    public Request {
      tables = tables == null ? List.of() : List.copyOf(tables);
    }
  }

  private SourceProfiles() {
  }

  /**
   * The warehouse the statements would run on: the one {@code requestedId} names, else the best usable one
   * ({@link Warehouses}: running serverless, running, serverless), with one sentence on why; a caller asks the
   * person before spending serverless compute on it.
   */
  public static Warehouse warehouse(Workspace ws, String requestedId) {
    return Warehouses.choose(ws.warehouses(), requestedId, ws.host()).warehouse();
  }

  /**
   * Profiles the tables of {@code request} on {@code warehouse}; {@code field} is the request's JSON path for
   * violations ({@code source}). Throws {@link PlanException} with every problem of the request at once (names,
   * limits, missing tables), {@link CatalogException} when the workspace fails.
   */
  public static SourceProfile profile(Workspace ws, Warehouse warehouse, Request request, String field, int minCount,
      Allowed allowed, Cancellation cancel) throws PlanException {
    List<Violation> problems = new ArrayList<>();
    List<UcTableName> names = names(request, field, problems);
    if (!problems.isEmpty()) {
      throw new PlanException(problems);
    }
    Map<UcTableName, String> present = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    for (UcTableName n : names) {
      if (ws.table(n.catalog(), n.schema(), n.table()).isEmpty()) {
        problems.add(new Violation(field, n.toString(), "no such table in " + ws.host(),
            "check the catalog, schema and table names and that you may read the table (SHOW TABLES IN "
                + n.catalog() + "." + n.schema() + ")"));
      } else {
        present.put(n, identifier(n.table(), taken));
      }
    }
    if (!problems.isEmpty()) {
      throw new PlanException(problems);
    }
    String warehouseId = warehouse.id();
    List<String> notes = new ArrayList<>();
    List<TableProfile> tables = new ArrayList<>();
    for (Map.Entry<UcTableName, String> e : present.entrySet()) {
      UcTableProfiler p = new UcTableProfiler(ws, warehouseId, cancel, e.getKey(), minCount, allowed, notes);
      List<UcTableProfiler.Described> cols = p.describe(e.getValue());
      for (UcTableProfiler.Described d : cols) {
        if (d.comment() != null && !d.comment().isBlank()) {
          notes.add(e.getValue() + "." + d.planName() + ": comment \"" + d.comment() + "\"");
        }
      }
      tables.add(p.profile(e.getValue(), cols));
    }
    List<ForeignKeyCandidate> fks = foreignKeys(ws, warehouseId, cancel, present, tables, notes);
    String source = String.join(", ", present.keySet().stream().map(UcTableName::toString).toList());
    return new SourceProfile(source, tables, fks, notes);
  }

  /** The problems of a request's names and limits, checked without the workspace (none: an empty list). */
  public static List<Violation> problems(Request request, String field) {
    List<Violation> problems = new ArrayList<>();
    names(request, field, problems);
    return problems;
  }

  private static List<UcTableName> names(Request r, String field, List<Violation> problems) {
    List<UcTableName> out = new ArrayList<>();
    UcTableName base = null;
    if (r.table() != null) {
      base = UcTableName.parse(r.table());
      if (base == null) {
        problems.add(new Violation(field + ".table", r.table(), "not a Unity Catalog table name catalog.schema.table",
            "give the three parts separated by periods, each without spaces, periods or slashes, e.g. "
                + "main.sales.orders"));
      } else {
        out.add(base);
      }
    }
    for (int i = 0; i < r.tables().size(); i++) {
      String t = r.tables().get(i);
      UcTableName n = t != null && !t.contains(".") && base != null
          ? UcTableName.parse(base.catalog() + "." + base.schema() + "." + t) : UcTableName.parse(t);
      if (n == null) {
        problems.add(new Violation(field + ".tables[" + i + "]", String.valueOf(t), "not a Unity Catalog table name",
            "give catalog.schema.table, or a bare table name in the catalog and schema of " + field + ".table"));
      } else if (!out.contains(n)) {
        out.add(n);
      }
    }
    if (r.table() == null && r.tables().isEmpty()) {
      problems.add(new Violation(field + ".table", "(none)", "a Unity Catalog source names at least one table",
          "give table: \"catalog.schema.table\" (and tables: [...] for more)"));
    }
    if (out.size() > MAX_TABLES) {
      problems.add(new Violation(field + ".tables", out.size() + " tables", "at most " + MAX_TABLES + " tables "
          + "(SourceProfiles.MAX_TABLES)", "profile the tables in groups of " + MAX_TABLES + " or fewer"));
    }
    return out;
  }

  /** Foreign keys between the profiled tables, checked by anti-join for columns named after the parent. */
  private static List<ForeignKeyCandidate> foreignKeys(Workspace ws, String warehouse, Cancellation cancel,
      Map<UcTableName, String> names, List<TableProfile> tables, List<String> notes) {
    List<UcTableName> ucNames = new ArrayList<>(names.keySet());
    List<ForeignKeyCandidate> out = new ArrayList<>();
    int checks = 0;
    for (int ci = 0; ci < tables.size(); ci++) {
      TableProfile child = tables.get(ci);
      String childKey = child.keys().isEmpty() ? null : child.keys().get(0).column();
      for (ColumnProfile c : child.columns()) {
        if (c.name().equals(childKey) || c.nonNull() == 0 || !keyType(c.type())) {
          continue;
        }
        for (int pi = 0; pi < tables.size(); pi++) {
          TableProfile parent = tables.get(pi);
          if (pi == ci || parent.keys().isEmpty()) {
            continue;
          }
          String pk = parent.keys().get(0).column();
          ColumnProfile pc = parent.column(pk).orElseThrow();
          if (!tied(c.name(), parent.name(), pk) || c.type().isIntegral() != pc.type().isIntegral()) {
            continue;
          }
          if (++checks > MAX_FK_CHECKS) {
            notes.add("more than " + MAX_FK_CHECKS + " foreign-key candidates (SourceProfiles.MAX_FK_CHECKS): the "
                + "rest were not checked");
            return out;
          }
          String childSource = c.sourceName() == null ? c.name() : c.sourceName();
          String parentSource = pc.sourceName() == null ? pk : pc.sourceName();
          List<List<String>> r = ws.execute(warehouse, ProfileSql.orphans(ucNames.get(ci).sql(), childSource,
              ucNames.get(pi).sql(), parentSource), cancel);
          if (UcTableProfiler.parseLong(r.get(0).get(0)) == 0) {
            out.add(new ForeignKeyCandidate(child.name(), c.name(), parent.name(), pk, "sql",
                UcTableProfiler.parseLong(r.get(0).get(1))));
            break;
          }
        }
      }
    }
    return out;
  }

  private static boolean keyType(DataType t) {
    return t.isIntegral() || t.kind() == DataType.Kind.STRING;
  }

  /** A child column named like the parent key (not just {@code id}), or after the parent table with a key suffix. */
  static boolean tied(String column, String parentTable, String parentKey) {
    String c = column.toLowerCase(Locale.ROOT);
    if (c.equals(parentKey.toLowerCase(Locale.ROOT)) && !c.equals("id")) {
      return true;
    }
    String t = parentTable.toLowerCase(Locale.ROOT);
    for (String s : KEY_SUFFIXES) {
      if (c.endsWith(s) && c.length() > s.length()) {
        String stem = c.substring(0, c.length() - s.length()).replaceAll("_$", "");
        return stem.equals(t) || stem.equals(singular(t)) || stem.endsWith("_" + singular(t));
      }
    }
    return false;
  }

  private static String singular(String t) {
    if (t.endsWith("ies") && t.length() > 3) {
      return t.substring(0, t.length() - 3) + "y";
    }
    if (t.endsWith("ses") || t.endsWith("xes") || t.endsWith("ches") || t.endsWith("shes")) {
      return t.substring(0, t.length() - 2);
    }
    return t.endsWith("s") && !t.endsWith("ss") ? t.substring(0, t.length() - 1) : t;
  }

  /**
   * A plan identifier for a Unity Catalog name (a letter or {@code _}, then letters, digits or {@code _}; other
   * characters become {@code _}, one for one, unlike a file's names), unique as {@link Names#unique} makes it.
   */
  static String identifier(String raw, Set<String> taken) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < raw.length() && sb.length() < PlanLimits.MAX_NAME_LENGTH - 4; i++) {
      char c = raw.charAt(i);
      sb.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? c : '_');
    }
    return Names.unique(sb, taken);
  }
}
