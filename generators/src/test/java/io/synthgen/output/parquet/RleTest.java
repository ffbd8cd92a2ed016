package io.synthgen.output.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synthgen.output.ByteBuf;
import io.synthgen.output.W2Batches;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our hybrid encoder against parquet-java's decoder, over mixes of runs and noise at every bit width. */
class RleTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 8, 13, 17, 24, 31, 32})
  void parquetJavaDecodesWhatWeEncode(int width) throws Exception {
    int n = 10_007;
    int[] v = new int[n];
    long mask = width == 32 ? 0xFFFF_FFFFL : (1L << width) - 1;
    for (int i = 0; i < n; i++) {
      long h = W2Batches.mix(i / ((i / 1000) % 3 == 0 ? 1 : 37) + width * 1_000_003L);
      v[i] = (int) (h & mask);
    }
    ByteBuf out = new ByteBuf(16);
    Rle.encode(v, n, width, out);
    RunLengthBitPackingHybridDecoder d = new RunLengthBitPackingHybridDecoder(width,
        ByteBufferInputStream.wrap(ByteBuffer.wrap(out.toByteArray())));
    for (int i = 0; i < n; i++) {
      assertEquals(v[i], d.readInt(), "value " + i);
    }
  }
}
