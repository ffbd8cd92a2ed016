package io.synthgen.dictionary;

import io.synthgen.random.Stream;

/** Builds one value of a composite dictionary (a street address, a phone number) from draws of its own streams. */
interface Composer {

  /**
   * Appends the value at a row to {@code out}; {@code parts} holds one stream per draw the composer needs, derived
   * from the column. Appending into one reused builder keeps a batch free of intermediate strings.
   */
  void compose(Stream[] parts, long rowHash, StringBuilder out);

  /** How many independent draws one value needs. */
  int draws();
}
