package io.synthgen.plan;

import java.util.List;

/**
 * A change feed of a table: batch 0 is a full load of the table's rows as APPENDs, every later batch has
 * {@code rowsPerBatch} operations split by {@code weights}. UPDATEs and DELETEs hit keys that exist at that point of
 * the series; an UPDATE draws the {@code changes} columns anew and keeps the others. Written under {@code name}.
 *
 * @param name the feed's output name, by default {@code <table>_cdc}
 * @param rowsPerBatch the operations in each batch after the first
 * @param weights the share of APPEND, UPDATE and DELETE operations in those batches
 * @param changes the columns an UPDATE draws anew; null means every column but keys, unique and sequence columns
 * @param format how operations are written
 * @param appendAs the operation name written for an append: {@code APPEND} or {@code INSERT}
 * @param operationColumn the plain format's operation column
 * @param sequenceColumn the plain format's sequence column: the operation's instant inside the batch's window
 */
public record ChangeFeed(String name, long rowsPerBatch, Weights weights, List<String> changes, Format format,
    String appendAs, String operationColumn, String sequenceColumn) {

  public static final String DEFAULT_OPERATION_COLUMN = "operation";
  public static final String DEFAULT_SEQUENCE_COLUMN = "operation_date";

  public ChangeFeed {
    changes = changes == null ? null : List.copyOf(changes);
  }

  /** The default output name of a table's feed. */
  public static String defaultName(String table) {
    return table + "_cdc";
  }

  /** Relative weights of the three operations (normalised; not all zero). */
  public record Weights(double append, double update, double delete) {

    /** The generic shape: APPEND 50, UPDATE 30, DELETE 10. */
    public static final Weights GENERIC = new Weights(50, 30, 10);
  }

  public enum Format {
    /** The table's columns plus {@code operation} and {@code operation_date}. */
    PLAIN,
    /**
     * Delta Change Data Feed columns: {@code _change_type} (insert, update_preimage, update_postimage, delete),
     * {@code _commit_version} and {@code _commit_timestamp}; an UPDATE is two rows.
     */
    DELTA_CDF,
    /** Debezium-style envelopes: {@code before}, {@code after} (the row as JSON), {@code op} (c/u/d), {@code ts_ms}. */
    DEBEZIUM
  }
}
