package io.synthgen.output.jsonl;

import io.synthgen.output.ByteBuf;
import io.synthgen.output.EncodedChunk;
import io.synthgen.output.FileFormat;
import io.synthgen.output.Gzip;
import io.synthgen.output.OutputColumn;
import io.synthgen.output.TextColumns;
import io.synthgen.output.TextLayout;
import io.synthgen.output.TextPart;
import io.synthgen.output.TextValues;
import io.synthgen.vec.Batch;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrDict;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Newline-delimited JSON: one object per row, keys in column order, NULL as {@code null}, decimals as numbers with
 * exactly their scale, dates and timestamps as ISO strings ({@code 2024-01-31}, {@code 2024-01-31T13:45:00[.ffffff]}),
 * non-finite doubles as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} (JSON has no literal).
 */
public final class JsonlFormat implements FileFormat {

  private final List<OutputColumn> columns;
  private final boolean gzip;
  /** {@code "name":} per column, escaped once. */
  private final byte[][] keys;
  private final Map<StrDict, byte[][]> escaped = new ConcurrentHashMap<>();

  public JsonlFormat(List<OutputColumn> columns, boolean gzip) {
    this.columns = List.copyOf(columns);
    this.gzip = gzip;
    this.keys = new byte[columns.size()][];
    ByteBuf b = new ByteBuf(64);
    for (int c = 0; c < keys.length; c++) {
      b.reset();
      JsonEscape.put(b, columns.get(c).name());
      b.put(':');
      keys[c] = b.toByteArray();
    }
  }

  @Override
  public String extension() {
    return gzip ? ".jsonl.gz" : ".jsonl";
  }

  @Override
  public EncodedChunk encode(Batch batch, int from, int to) {
    int nc = columns.size();
    TextColumns cols = TextColumns.of(batch, escaped, JsonEscape::all);
    Vec[] vecs = cols.vecs();
    TextLayout[] layout = cols.layout();
    byte[][][] dicts = cols.dicts();
    ByteBuf b = new ByteBuf((to - from) * nc * 20 + 64);
    for (int i = from; i < to; i++) {
      b.put('{');
      for (int c = 0; c < nc; c++) {
        if (c > 0) {
          b.put(',');
        }
        b.put(keys[c]);
        Vec v = vecs[c];
        if (TextLayout.isNull(v, i)) {
          b.putAscii("null");
          continue;
        }
        switch (layout[c]) {
          case INTEGER:
            TextValues.putLong(b, ((LongVec) v).values[i]);
            break;
          case DECIMAL:
            TextValues.putDecimal(b, ((LongVec) v).values[i], v.type().scale());
            break;
          case DATE:
            b.put('"');
            TextValues.putDate(b, ((LongVec) v).values[i]);
            b.put('"');
            break;
          case TIMESTAMP:
            b.put('"');
            TextValues.putTimestamp(b, ((LongVec) v).values[i], 'T');
            b.put('"');
            break;
          case DOUBLE:
            putDouble(b, ((DoubleVec) v).values[i]);
            break;
          case BOOLEAN:
            b.putAscii(((BoolVec) v).values[i] ? "true" : "false");
            break;
          case DICT_STRING:
            b.put(dicts[c][((StrVec) v).codes[i]]);
            break;
          case PLAIN_STRING:
            JsonEscape.put(b, ((StrVec) v).plain[i]);
            break;
          case UTF8_STRING: {
            StrVec s = (StrVec) v;
            JsonEscape.put(b, s.utf8, s.offsets[i], s.offsets[i + 1]);
            break;
          }
        }
      }
      b.put('}');
      b.put('\n');
    }
    return Gzip.chunk(to - from, b, gzip);
  }

  private static void putDouble(ByteBuf b, double d) {
    if (Double.isFinite(d)) {
      TextValues.putDouble(b, d);
    } else {
      b.put('"');
      TextValues.putDouble(b, d);
      b.put('"');
    }
  }

  @Override
  public FilePart begin(OutputStream out) throws IOException {
    return new TextPart(out, new byte[0]);
  }
}
