package io.synthgen.output.parquet;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/** Decompressors for reading without Hadoop's codec classes (parquet-java's default factory needs them). */
final class ReadCodecs implements CompressionCodecFactory {

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    throw new UnsupportedOperationException("this codec factory only reads; synthgen writes pages itself");
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    return new Decompressor(codec);
  }

  @Override
  public void release() {
    // nothing pooled
  }

  private static final class Decompressor implements BytesInputDecompressor {
    private final CompressionCodecName codec;

    Decompressor(CompressionCodecName codec) {
      this.codec = codec;
    }

    @Override
    public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
      return BytesInput.from(decompress(toArray(bytes), uncompressedSize));
    }

    @Override
    public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
        throws IOException {
      byte[] in = new byte[compressedSize];
      input.get(in);
      output.put(decompress(in, uncompressedSize));
    }

    private byte[] decompress(byte[] in, int size) throws IOException {
      switch (codec) {
        case UNCOMPRESSED:
          return in;
        case ZSTD: {
          byte[] out = new byte[size];
          long n = Zstd.decompressByteArray(out, 0, size, in, 0, in.length);
          if (Zstd.isError(n) || n != size) {
            throw new IOException("corrupt zstd page: " + (Zstd.isError(n) ? Zstd.getErrorName(n) : n + " bytes"));
          }
          return out;
        }
        case SNAPPY: {
          byte[] out = new byte[size];
          Snappy.uncompress(in, 0, in.length, out, 0);
          return out;
        }
        case GZIP:
          try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(in))) {
            return gz.readNBytes(size);
          }
        default:
          throw new IOException("synthgen cannot read " + codec + " pages; it writes zstd, snappy, gzip or none");
      }
    }

    @Override
    public void release() {
      // nothing pooled
    }

    /** The page's bytes (BytesInput.toByteArray is deprecated in favour of allocator-based copies). */
    private static byte[] toArray(BytesInput bytes) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.toIntExact(bytes.size()));
      bytes.writeAllTo(out);
      return out.toByteArray();
    }
  }
}
