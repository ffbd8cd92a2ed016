package io.synthgen.plan.validate;

import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Table;
import java.math.BigInteger;

/**
 * The keys of a table whose rows run on through the series (an append table: rows x batches; a table with a change
 * feed: its rows and the APPENDs of later batches): its sequence columns stay in their type through the last batch,
 * and a pattern key has enough values for all of them ({@link KeyRules#PATTERN_SAFETY}).
 */
final class SeriesKeys {

  private final Issues out;

  SeriesKeys(PlanValidator v) {
    this.out = v.out;
  }

  /** Sequence columns of a table whose rows run on through the series stay in their type. */
  void check(Table t, String path, BigInteger rows, String how) {
    for (int j = 0; j < t.columns().size(); j++) {
      Column c = t.columns().get(j);
      String cp = path + ".columns[" + j + "]";
      if (out.anyAt(cp) || rows.signum() <= 0) {
        continue;
      }
      boolean key = c.unique() || c.name() != null && c.name().equals(t.primaryKey());
      if (key && c.gen() instanceof ColumnGen.Pattern p && p.pattern() != null) {
        double n = rows.doubleValue();
        double combinations = KeyRules.combinations(p.pattern());
        if (combinations < n * n * KeyRules.PATTERN_SAFETY) {
          out.add(cp + ".strategy", "pattern", "over the series the key takes " + rows + " values (" + how + "): "
              + "pattern \"" + p.pattern() + "\" makes " + String.format(java.util.Locale.ROOT, "%.3g", combinations)
              + ", too few for distinct values (it needs " + String.format(java.util.Locale.ROOT, "%.3g",
              n * n * KeyRules.PATTERN_SAFETY) + ")", "lengthen the pattern (each # multiplies the values by 10), "
              + "use strategy sequence or uuid, or plan fewer batches");
        }
        continue;
      }
      if (!(c.gen() instanceof ColumnGen.Sequence s) || c.type() == null || !c.type().isIntegral()
          || s.step() == 0) {
        continue;
      }
      BigInteger last = BigInteger.valueOf(s.start()).add(BigInteger.valueOf(s.step())
          .multiply(rows.subtract(BigInteger.ONE)));
      boolean isInt = c.type().kind() == DataType.Kind.INT;
      BigInteger high = BigInteger.valueOf(isInt ? Integer.MAX_VALUE : Long.MAX_VALUE);
      BigInteger low = BigInteger.valueOf(isInt ? Integer.MIN_VALUE : Long.MIN_VALUE);
      if (last.compareTo(high) > 0 || last.compareTo(low) < 0) {
        out.add(cp + ".start", s.start(), "over the series the sequence reaches " + last + " (" + how + ", step "
            + s.step() + "), beyond " + c.type(), (isInt ? "use type bigint, or " : "") + "lower start or step, "
            + "or plan fewer batches");
      }
    }
  }

}
