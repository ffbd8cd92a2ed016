package io.synthgen.draft.infer;

import io.synthgen.plan.DataType;
import java.util.Set;

/**
 * One row of the rule table: when the name matches and the context fits, and the declared type (if any) is one the
 * rule handles, the template makes the column.
 *
 * @param id a short stable name, shown in the docs
 * @param label what kind of column it is, the start of the note ("money", "percentage")
 * @param match what the name must be
 * @param when what the context must be
 * @param types the declared types the rule handles; an undeclared type always fits
 * @param template what it makes
 */
public record Rule(String id, String label, Match match, When when, Set<DataType.Kind> types, Template template) {

  /** The reason the rule applies, for the note, or null when it does not. */
  String applies(Clues c) {
    if (!c.declaredIn(types) || !match.test(c)) {
      return null;
    }
    return when.reason(c);
  }
}
