package io.synthgen.column;

import io.synthgen.dictionary.Dictionary;
import io.synthgen.random.Stream;
import io.synthgen.sql.SqlScope;
import io.synthgen.sql.SqlText;
import io.synthgen.vec.StrDict;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;

/** A uniformly drawn value of a named dictionary: dictionary-coded for lists and pools, plain for composites. */
public final class DictionaryGen implements ColumnGenerator {

  private final Dictionary dictionary;
  private final Stream stream;
  private final StrDict values;

  public DictionaryGen(Dictionary dictionary, Stream stream) {
    this.dictionary = dictionary;
    this.stream = stream;
    this.values = dictionary.values(stream);
  }

  @Override
  public Vec generate(BatchContext ctx) {
    int n = ctx.size();
    long[] h = ctx.rowHashes();
    if (values == null) {
      return dictionary.compose(stream, h, n);
    }
    int[] codes = new int[n];
    int size = values.size();
    for (int i = 0; i < n; i++) {
      codes[i] = (int) Stream.below(stream.bits(h[i]), size);
    }
    return StrVec.dictionary(values, codes, n);
  }

  /**
   * A list or pool: the value at {@code floor(u * size)} of a constant array of the scope (named after the
   * dictionary; a pool's values are the ones this column's stream composed). A composite: its parts in SQL.
   */
  @Override
  public String sql(SqlScope scope) {
    if (values == null) {
      return dictionary.composeSql(stream, scope);
    }
    String hint = (dictionary.kind() == Dictionary.Kind.POOLED ? "pool_" : "words_") + dictionary.name();
    return ValueSql.pick(scope, hint, ValueSql.strings(values.values()),
        ValueSql.belowInt(SqlText.bits(scope, stream.key()), values.size()));
  }

  @Override
  public long distinctEstimate(long rows) {
    return values == null ? -1 : Math.min(values.size(), rows);
  }
}
