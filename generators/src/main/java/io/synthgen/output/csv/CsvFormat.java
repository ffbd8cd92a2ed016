package io.synthgen.output.csv;

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
 * RFC 4180 CSV in UTF-8: a header row, {@code \n} line ends, fields quoted only when they contain a comma, quote, CR
 * or LF (or are empty strings, so that an empty field always means NULL). Booleans {@code true/false}, dates
 * {@code 2024-01-31}, timestamps {@code 2024-01-31 13:45:00[.ffffff]}, decimals with exactly their scale.
 * DuckDB reads {@code ""} as NULL unless given {@code allow_quoted_nulls=false}; Spark's reader keeps it empty.
 */
public final class CsvFormat implements FileFormat {

  private final List<OutputColumn> columns;
  private final boolean gzip;
  private final byte[] header;
  /** Escaped UTF-8 of every dictionary entry, built once per dictionary (identity-keyed: StrDict has no equals). */
  private final Map<StrDict, byte[][]> escaped = new ConcurrentHashMap<>();

  public CsvFormat(List<OutputColumn> columns, boolean gzip) {
    this.columns = List.copyOf(columns);
    this.gzip = gzip;
    ByteBuf h = new ByteBuf(256);
    for (int c = 0; c < columns.size(); c++) {
      if (c > 0) {
        h.put(',');
      }
      CsvEscape.put(h, columns.get(c).name());
    }
    h.put('\n');
    this.header = gzip ? Gzip.member(h.array(), h.length()) : h.toByteArray();
  }

  @Override
  public String extension() {
    return gzip ? ".csv.gz" : ".csv";
  }

  @Override
  public EncodedChunk encode(Batch batch, int from, int to) {
    int nc = columns.size();
    TextColumns cols = TextColumns.of(batch, escaped, CsvEscape::all);
    Vec[] vecs = cols.vecs();
    TextLayout[] layout = cols.layout();
    byte[][][] dicts = cols.dicts();
    ByteBuf b = new ByteBuf((to - from) * nc * 8 + 64);
    for (int i = from; i < to; i++) {
      for (int c = 0; c < nc; c++) {
        if (c > 0) {
          b.put(',');
        }
        Vec v = vecs[c];
        if (TextLayout.isNull(v, i)) {
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
            TextValues.putDate(b, ((LongVec) v).values[i]);
            break;
          case TIMESTAMP:
            TextValues.putTimestamp(b, ((LongVec) v).values[i], ' ');
            break;
          case DOUBLE:
            TextValues.putDouble(b, ((DoubleVec) v).values[i]);
            break;
          case BOOLEAN:
            b.putAscii(((BoolVec) v).values[i] ? "true" : "false");
            break;
          case DICT_STRING:
            b.put(dicts[c][((StrVec) v).codes[i]]);
            break;
          case PLAIN_STRING:
            CsvEscape.put(b, ((StrVec) v).plain[i]);
            break;
          case UTF8_STRING: {
            StrVec s = (StrVec) v;
            CsvEscape.put(b, s.utf8, s.offsets[i], s.offsets[i + 1]);
            break;
          }
        }
      }
      b.put('\n');
    }
    return Gzip.chunk(to - from, b, gzip);
  }

  @Override
  public FilePart begin(OutputStream out) throws IOException {
    return new TextPart(out, header);
  }
}
