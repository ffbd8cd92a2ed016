package io.synthgen.output.parquet;

import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;

/**
 * One column chunk: its pages (headers and bodies) in {@code data[0, length)} and its metadata with page offsets
 * relative to the start of the chunk; {@link #place} fixes them once the chunk's position in the file is known.
 */
record EncodedColumn(byte[] data, int length, int dictionaryOffset, int dataOffset, long uncompressedSize,
    ColumnMetaData meta) {

  /** The footer entry for this chunk written at absolute position {@code base}; called once, by the appender. */
  ColumnChunk place(long base) {
    ColumnMetaData m = meta.deepCopy();
    m.setData_page_offset(base + dataOffset);
    if (dictionaryOffset >= 0) {
      m.setDictionary_page_offset(base + dictionaryOffset);
    }
    ColumnChunk c = new ColumnChunk(base);
    c.setMeta_data(m);
    return c;
  }
}
