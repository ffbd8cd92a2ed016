package io.synthgen.profile.planner;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.draft.Drafter;
import io.synthgen.plan.PlanException;
import io.synthgen.profile.ForeignKeyCandidate;
import io.synthgen.profile.ProfileLimits;
import io.synthgen.profile.SourceProfile;
import io.synthgen.profile.TableProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A plan from a source profile: one table per profiled table with the source's row count, parents before children,
 * each column's strategy chosen from its profile by {@link ColumnPlanner}, and columns the profile leaves open
 * (identifiers and free text without a dominant shape) left to the {@link Drafter}'s inference from their name and
 * type. The result is a plan description the Drafter turns into plan JSON, so every column carries a note saying
 * what was kept from the source, what was inferred, and what was left out for privacy.
 */
public final class ProfilePlanner {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ProfilePlanner() {
  }

  /** The plan JSON for a profile. */
  public static ObjectNode plan(SourceProfile profile, PlanOptions options) throws PlanException {
    List<TableProfile> ordered = parentsFirst(profile.tables(), profile.foreignKeys());
    // a foreign key is kept when its parent comes first: one that would close a cycle of tables is left out
    Map<String, ForeignKeyCandidate> fks = new LinkedHashMap<>();
    List<String> before = new ArrayList<>();
    for (TableProfile t : ordered) {
      for (ForeignKeyCandidate fk : profile.foreignKeys()) {
        if (fk.table().equals(t.name()) && before.contains(fk.parentTable())) {
          fks.put(fk.table() + "." + fk.column(), fk);
        }
      }
      before.add(t.name());
    }
    ObjectNode request = F.objectNode();
    String name = options.name() != null ? options.name() : planName(profile.source());
    request.put("name", name);
    ArrayNode tables = request.putArray("tables");
    Privacy privacy = new Privacy();
    for (TableProfile t : ordered) {
      ObjectNode tn = tables.addObject();
      tn.put("name", t.name());
      tn.put("rows", t.rows());
      String pk = t.keys().isEmpty() ? null : t.keys().get(0).column();
      if (pk != null) {
        tn.put("primary_key", pk);
      }
      tn.put("description", "Profiled from " + t.location() + " (" + t.format() + ", " + t.rows() + " rows).");
      ArrayNode cols = tn.putArray("columns");
      for (var c : t.columns()) {
        ForeignKeyCandidate fk = fks.get(t.name() + "." + c.name());
        ObjectNode col = ColumnPlanner.column(t, c, pk, fk, options, privacy);
        if (fk != null) {
          // a key and its references share a type: an int child of a bigint key is planned as bigint
          profile.tables().stream().filter(p -> p.name().equals(fk.parentTable())).findFirst()
              .flatMap(p -> p.column(fk.parentColumn()))
              .ifPresent(pc -> col.put("type", pc.type().toString()));
        }
        cols.add(col);
      }
    }
    request.put("description", description(profile, options, privacy));
    ObjectNode plan = Drafter.draft(request, options.referenceDate(), options.seed());
    // --rows and a rows argument scale the largest table: the facts, whose dimensions keep their ratio to it
    TableProfile largest = ordered.stream().max((a, b) -> Long.compare(a.rows(), b.rows())).orElseThrow();
    plan.put("main_table", largest.name());
    return plan;
  }

  private static String description(SourceProfile p, PlanOptions o, Privacy privacy) {
    StringBuilder sb = new StringBuilder("Made from a profile of ").append(p.source()).append(": ")
        .append(p.tables().size()).append(p.tables().size() == 1 ? " table" : " tables");
    if (!p.foreignKeys().isEmpty()) {
      sb.append(", ").append(p.foreignKeys().size()).append(" foreign ")
          .append(p.foreignKeys().size() == 1 ? "key" : "keys").append(" found by value inclusion");
    }
    sb.append(". Privacy: a source value enters the plan only when at least ").append(o.minCount())
        .append(" rows hold it");
    if (!o.allowValues().isEmpty()) {
      sb.append(" (except in ").append(String.join(", ", new java.util.TreeSet<>(o.allowValues()))).append(')');
    }
    sb.append("; identifier and free-text columns keep their shape only; numeric and date bounds are the ")
        .append(PlanNumbers.ordinal(ProfileLimits.BOUND_RANK))
        .append(" smallest and largest values rounded outward, never a single row's.");
    if (privacy.suppressedValues > 0) {
      sb.append(" Left out: ").append(privacy.suppressedValues)
          .append(privacy.suppressedValues == 1 ? " rare value in " : " rare values in ")
          .append(privacy.suppressedColumns.size()).append(privacy.suppressedColumns.size() == 1 ? " column (" : " columns (")
          .append(String.join(", ", privacy.suppressedColumns)).append(").");
    }
    if (!privacy.shapeOnly.isEmpty()) {
      sb.append(" Shape only: ").append(String.join(", ", privacy.shapeOnly)).append('.');
    }
    for (String n : p.notes()) {
      sb.append(' ').append(n.substring(0, 1).toUpperCase(Locale.ROOT)).append(n.substring(1)).append('.');
    }
    String s = sb.toString();
    int max = io.synthgen.plan.validate.PlanLimits.MAX_TEXT_LENGTH;
    return s.length() <= max ? s : s.substring(0, max - 40) + " ... (the column notes say more)";
  }

  /** Tables with every parent before its children (a foreign-key cycle keeps the profile's order for the rest). */
  static List<TableProfile> parentsFirst(List<TableProfile> tables, List<ForeignKeyCandidate> fks) {
    Map<String, TableProfile> byName = new LinkedHashMap<>();
    tables.forEach(t -> byName.put(t.name(), t));
    Set<String> done = new LinkedHashSet<>();
    List<TableProfile> out = new ArrayList<>();
    boolean progress = true;
    while (out.size() < tables.size() && progress) {
      progress = false;
      for (TableProfile t : tables) {
        if (done.contains(t.name())) {
          continue;
        }
        boolean ready = fks.stream().filter(f -> f.table().equals(t.name()))
            .allMatch(f -> done.contains(f.parentTable()) || f.parentTable().equals(t.name()));
        if (ready) {
          done.add(t.name());
          out.add(t);
          progress = true;
        }
      }
    }
    for (TableProfile t : tables) {
      if (!done.contains(t.name())) {
        out.add(t);
      }
    }
    return out;
  }

  static String planName(String source) {
    String base = source.replace('\\', '/');
    base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    base = base.substring(base.lastIndexOf('/') + 1);
    base = base.toLowerCase(Locale.ROOT).replaceAll("\\.(parquet|csv|csv\\.gz|jsonl|jsonl\\.gz|ndjson)$", "")
        .replaceAll("[^a-z0-9_]+", "_");
    return base.isEmpty() || base.equals("_") ? "from_data" : base + "_synthetic";
  }

  /** What the plan left out, for the plan's description. */
  static final class Privacy {
    int suppressedValues;
    final Set<String> suppressedColumns = new LinkedHashSet<>();
    final Set<String> shapeOnly = new LinkedHashSet<>();
  }
}
