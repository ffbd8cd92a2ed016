package io.synthgen.draft.infer;

import java.util.function.Function;

/**
 * How a rule makes a column from the clues: type, strategy and parameters.
 *
 * @param doc what it makes, for the docs' rule table
 * @param make the maker; it honours the declared type and the person's bounds in the clues
 */
public record Template(String doc, Function<Clues, Inferred> make) {

  Inferred apply(Clues c) {
    return make.apply(c);
  }
}
