package io.synthgen.testing;

import io.synthgen.plan.ChangeFeed;
import io.synthgen.testing.FeedOracle.Feed;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The reference's way of consuming a change feed (patterns.md §1, "Consuming with MERGE"), as SQL for DuckDB and for
 * Spark + Delta: the feed's rows as changes (row values, a delete flag and the sequence to order by), deduplicated by
 * key with ROW_NUMBER() ordered by the sequence descending (rn = 1 kept), then {@code MERGE INTO} the target: when
 * matched and a delete, delete; when matched, update every column; when not matched and not a delete, insert.
 *
 * <p>Per format: plain orders by its sequence column ({@code operation_date}) and deletes on {@code DELETE}; delta_cdf
 * keeps inserts, postimages and deletes (a preimage is the old row) and orders by {@code _commit_version}, then
 * {@code _commit_timestamp}; debezium reads the row from {@code after} (from {@code before} for a delete) as JSON,
 * cast to the target's column types, deletes on {@code op = 'd'} and orders by {@code ts_ms}.
 */
public final class MergeSql {

  /** The SQL differences between the two engines this SQL runs on. */
  public enum Dialect {
    DUCKDB('"', "json_extract_string"),
    SPARK('`', "get_json_object");

    private final char quote;
    private final String jsonField;

    Dialect(char quote, String jsonField) {
      this.quote = quote;
      this.jsonField = jsonField;
    }

    /** An identifier, quoted. */
    public String id(String name) {
      return quote + name.replace(String.valueOf(quote), String.valueOf(quote) + quote) + quote;
    }
  }

  /** A target column and its SQL type in the dialect (as the engine describes the table). */
  public record Typed(String name, String type) {
  }

  private final Dialect d;

  public MergeSql(Dialect d) {
    this.d = d;
  }

  /**
   * The feed's rows {@code feedRelation} as changes: the target's columns, {@code _delete} (boolean), {@code _ts}
   * (the sequence) and, for delta_cdf, {@code _version}. {@code types} are the target's columns with their types
   * (debezium casts its JSON fields to them).
   */
  public String changes(Feed f, String feedRelation, List<Typed> types) {
    switch (f.format()) {
      case PLAIN -> {
        return "SELECT " + columns(f, "") + ", " + d.id(f.operation()) + " = 'DELETE' AS _delete, "
            + d.id(f.sequence()) + " AS _ts FROM " + feedRelation;
      }
      case DELTA_CDF -> {
        return "SELECT " + columns(f, "") + ", _change_type = 'delete' AS _delete, _commit_version AS _version, "
            + "_commit_timestamp AS _ts FROM " + feedRelation
            + " WHERE _change_type IN ('insert', 'update_postimage', 'delete')";
      }
      case DEBEZIUM -> {
        String row = "coalesce(" + d.id("after") + ", " + d.id("before") + ")";
        String fields = types.stream().map(t -> "CAST(" + d.jsonField + "(" + row + ", '$." + t.name() + "') AS "
            + t.type() + ") AS " + d.id(t.name())).collect(Collectors.joining(", "));
        return "SELECT " + fields + ", " + d.id("op") + " = 'd' AS _delete, " + d.id("ts_ms") + " AS _ts FROM "
            + feedRelation;
      }
      default -> throw new IllegalStateException("unknown format " + f.format());
    }
  }

  /** The changes deduplicated by key: the latest change of each key (ROW_NUMBER by sequence descending, rn = 1). */
  public String latest(Feed f, String changes) {
    String order = f.format() == ChangeFeed.Format.DELTA_CDF ? "_version DESC, _ts DESC" : "_ts DESC";
    return "SELECT * FROM (SELECT c.*, ROW_NUMBER() OVER (PARTITION BY c." + d.id(f.key()) + " ORDER BY " + order
        + ") AS _rn FROM (" + changes + ") c) ranked WHERE _rn = 1";
  }

  /** The MERGE of the latest changes into {@code target}. */
  public String merge(Feed f, String target, String changes) {
    String set = f.columns().stream().filter(c -> !c.equals(f.key())).map(c -> d.id(c) + " = s." + d.id(c))
        .collect(Collectors.joining(", "));
    return "MERGE INTO " + target + " t USING (" + latest(f, changes) + ") s ON t." + d.id(f.key()) + " = s."
        + d.id(f.key()) + " WHEN MATCHED AND s._delete THEN DELETE"
        + (set.isEmpty() ? "" : " WHEN MATCHED THEN UPDATE SET " + set)
        + " WHEN NOT MATCHED AND NOT s._delete THEN INSERT (" + columns(f, "") + ") VALUES (" + columns(f, "s.")
        + ")";
  }

  /** The rows of {@code a} not in {@code b}, counted with multiplicity (EXCEPT ALL). */
  public String exceptAll(String a, String b) {
    return "SELECT count(*) FROM (SELECT * FROM " + a + " EXCEPT ALL SELECT * FROM " + b + ") x";
  }

  private String columns(Feed f, String prefix) {
    return f.columns().stream().map(c -> prefix + d.id(c)).collect(Collectors.joining(", "));
  }
}
