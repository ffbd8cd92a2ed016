package io.synthgen.column;

import io.synthgen.dictionary.Dictionary;
import io.synthgen.random.Stream;
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

  @Override
  public long distinctEstimate(long rows) {
    return values == null ? -1 : Math.min(values.size(), rows);
  }
}
