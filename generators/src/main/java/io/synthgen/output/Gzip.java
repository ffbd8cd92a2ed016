package io.synthgen.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip for text formats. Each chunk becomes its own gzip member, so chunks compress in parallel; concatenated members
 * are one valid gzip stream (RFC 1952) that gzip, DuckDB, Python and {@code GZIPInputStream} read as a whole.
 */
public final class Gzip {

  private Gzip() {
  }

  public static TextChunk chunk(long rows, ByteBuf text, boolean compress) {
    if (!compress) {
      return new TextChunk(rows, text.array(), text.length());
    }
    byte[] gz = member(text.array(), text.length());
    return new TextChunk(rows, gz, gz.length);
  }

  public static byte[] member(byte[] data, int length) {
    ByteBuf out = new ByteBuf(Math.max(64, length / 4));
    try (GZIPOutputStream gz = new GZIPOutputStream(out.asStream(), 1 << 16)) {
      gz.write(data, 0, length);
    } catch (IOException e) {
      throw new UncheckedIOException("gzip into memory failed", e);
    }
    return out.toByteArray();
  }
}
