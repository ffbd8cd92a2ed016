package io.synthgen.output.parquet;

import io.synthgen.output.ByteBuf;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Statistics;
import org.apache.parquet.format.Type;

/**
 * Collects the pages of one column chunk: an optional dictionary page first, then data pages (v2: definition levels
 * stay uncompressed, only the values are compressed), and builds the chunk's metadata.
 */
final class PageSink {

  private final PageCompressor.Session compressor;
  private final ByteBuf out = new ByteBuf(1 << 16);
  private final ByteBuf scratch = new ByteBuf(1 << 16);
  private int dictionaryOffset = -1;
  private int dataOffset = -1;
  private long uncompressed;
  private int dataPages;
  private Encoding dataEncoding;

  PageSink(PageCompressor.Session compressor) {
    this.compressor = compressor;
  }

  /** Writes the dictionary page: {@code values} holds {@code count} PLAIN-encoded entries. */
  void dictionaryPage(ByteBuf values, int count) throws IOException {
    scratch.reset();
    int clen = compressor.compress(values.array(), 0, values.length(), scratch);
    PageHeader h = new PageHeader(PageType.DICTIONARY_PAGE, values.length(), clen);
    h.setDictionary_page_header(new DictionaryPageHeader(count, Encoding.PLAIN));
    dictionaryOffset = out.length();
    int headerLen = writeHeader(h);
    out.put(scratch.array(), 0, clen);
    uncompressed += headerLen + values.length();
  }

  /**
   * Writes a data page of {@code rows} rows, {@code nulls} of them null; {@code levels} holds the RLE definition
   * levels (null for a required column), {@code values} the encoded non-null values.
   */
  void dataPage(int rows, int nulls, Encoding encoding, ByteBuf levels, ByteBuf values) throws IOException {
    scratch.reset();
    int clen = compressor.compress(values.array(), 0, values.length(), scratch);
    int levelsLen = levels == null ? 0 : levels.length();
    PageHeader h = new PageHeader(PageType.DATA_PAGE_V2, levelsLen + values.length(), levelsLen + clen);
    DataPageHeaderV2 v2 = new DataPageHeaderV2(rows, nulls, rows, encoding, levelsLen, 0);
    v2.setIs_compressed(compressor.codec().compresses());
    h.setData_page_header_v2(v2);
    if (dataOffset < 0) {
      dataOffset = out.length();
    }
    int headerLen = writeHeader(h);
    if (levels != null) {
      out.putBuf(levels);
    }
    out.put(scratch.array(), 0, clen);
    uncompressed += headerLen + levelsLen + values.length();
    dataPages++;
    dataEncoding = encoding;
  }

  private int writeHeader(PageHeader h) throws IOException {
    return ThriftOut.write(h, out);
  }

  EncodedColumn finish(String name, Type type, long numValues, boolean nullable, Statistics stats) {
    List<Encoding> encodings = new ArrayList<>(3);
    List<PageEncodingStats> encodingStats = new ArrayList<>(2);
    if (dictionaryOffset >= 0 || dataEncoding == null || dataEncoding == Encoding.PLAIN) {
      encodings.add(Encoding.PLAIN);
    }
    if (nullable || dataEncoding == Encoding.RLE_DICTIONARY) {
      encodings.add(Encoding.RLE);
    }
    if (dictionaryOffset >= 0) {
      encodingStats.add(new PageEncodingStats(PageType.DICTIONARY_PAGE, Encoding.PLAIN, 1));
    }
    if (dataEncoding != null && dataEncoding != Encoding.PLAIN) {
      encodings.add(dataEncoding);
    }
    if (dataPages > 0) {
      encodingStats.add(new PageEncodingStats(PageType.DATA_PAGE_V2, dataEncoding, dataPages));
    }
    ColumnMetaData meta = new ColumnMetaData(type, encodings, List.of(name), compressor.codec().codec(), numValues,
        uncompressed, out.length(), 0);
    meta.setEncoding_stats(encodingStats);
    meta.setStatistics(stats);
    return new EncodedColumn(out.array(), out.length(), dictionaryOffset, Math.max(0, dataOffset), uncompressed, meta);
  }
}
