package io.synthgen.dictionary;

import io.synthgen.random.Stream;

/** Builds one value of a composite dictionary (a street address, a phone number) from draws of its own streams. */
interface Composer {

  /** The value at a row; {@code parts} holds one stream per draw the composer needs, derived from the column. */
  String compose(Stream[] parts, long rowHash);

  /** How many independent draws one value needs. */
  int draws();
}
