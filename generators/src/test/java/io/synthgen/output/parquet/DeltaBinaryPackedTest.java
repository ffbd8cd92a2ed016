package io.synthgen.output.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synthgen.output.ByteBuf;
import io.synthgen.output.W2Batches;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our DELTA_BINARY_PACKED encoder against parquet-java's decoder: counts around block edges, narrow to wide spreads. */
class DeltaBinaryPackedTest {

  @ParameterizedTest
  @CsvSource({"0, 10", "1, 10", "2, 0", "33, 1", "128, 7", "129, 7", "130, 100", "1000, 1", "10007, 40",
      "4096, 1000000", "5000, 2147483647"})
  void parquetJavaDecodesWhatWeEncode(int n, long spread) throws Exception {
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      long h = W2Batches.mix(i * 31L + n + spread);
      // runs of equal values (zero deltas) mixed with noise, as string lengths are
      v[i] = (i / 50) % 2 == 0 ? 5 : (int) Math.floorMod(h, spread + 1);
    }
    ByteBuf out = new ByteBuf(16);
    DeltaBinaryPacked.encode(v, n, out);
    out.putIntLE(0x5EED); // bytes after the encoding must be left for the next reader
    DeltaBinaryPackingValuesReader r = new DeltaBinaryPackingValuesReader();
    ByteBufferInputStream in = ByteBufferInputStream.wrap(ByteBuffer.wrap(out.toByteArray()));
    r.initFromPage(n, in);
    for (int i = 0; i < n; i++) {
      assertEquals(v[i], r.readInteger(), "value " + i);
    }
    assertEquals(4, in.available(), "the reader stops where the encoding ends");
  }
}
