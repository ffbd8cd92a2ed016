package io.synthgen.series.keys;

/** The operation of one change-feed row. */
public enum ChangeKind {
  /** A new key (the seed's APPEND, INSERT as a name): values are the base row of the key. */
  APPEND,
  /** An existing live key whose changed columns are drawn anew. */
  UPDATE,
  /** An existing live key removed from the table. */
  DELETE
}
