package io.synthgen.output;

import io.synthgen.vec.Batch;
import io.synthgen.vec.StrDict;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.util.Map;
import java.util.function.Function;

/**
 * A batch as a text format sees it: each column's vector and layout and, for dictionary-coded strings, the
 * dictionary escaped once for the format (cached per dictionary across batches).
 */
public record TextColumns(Vec[] vecs, TextLayout[] layout, byte[][][] dicts) {

  public static TextColumns of(Batch batch, Map<StrDict, byte[][]> escaped, Function<StrDict, byte[][]> escape) {
    Vec[] vecs = batch.vectors().toArray(new Vec[0]);
    TextLayout[] layout = new TextLayout[vecs.length];
    byte[][][] dicts = new byte[vecs.length][][];
    for (int c = 0; c < vecs.length; c++) {
      layout[c] = TextLayout.of(vecs[c]);
      if (layout[c] == TextLayout.DICT_STRING) {
        dicts[c] = escaped.computeIfAbsent(((StrVec) vecs[c]).dict, escape);
      }
    }
    return new TextColumns(vecs, layout, dicts);
  }
}
