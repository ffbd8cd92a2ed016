package io.synthgen.dictionary;

import io.synthgen.random.Stream;
import io.synthgen.vec.Utf8Builder;

/** Builds one value of a composite dictionary (a street address, a phone number) from draws of its own streams. */
interface Composer {

  /**
   * Appends the value at a row to {@code out}; {@code parts} holds one stream per draw the composer needs, derived
   * from the column. Appending into one reused builder keeps a batch free of intermediate strings.
   */
  void compose(Stream[] parts, long rowHash, StringBuilder out);

  /**
   * Appends the UTF-8 bytes of the value at a row to {@code out} (without ending the row). The default encodes what
   * {@link #compose(Stream[], long, StringBuilder)} builds in {@code scratch}; composers that can write bytes directly
   * override it.
   */
  default void composeUtf8(Stream[] parts, long rowHash, Utf8Builder out, StringBuilder scratch) {
    scratch.setLength(0);
    compose(parts, rowHash, scratch);
    out.append(scratch);
  }

  /**
   * The value as a Spark SQL STRING expression, given the SQL of each part's 64 random bits (BIGINT expressions, one
   * per draw). Composites of a pool are never asked: their SQL reads the pool.
   */
  default String sql(String[] bits, io.synthgen.sql.SqlScope scope) {
    throw new IllegalStateException("the values of a pooled dictionary are its pool's, not composed in SQL");
  }

  /** How many independent draws one value needs. */
  int draws();
}
