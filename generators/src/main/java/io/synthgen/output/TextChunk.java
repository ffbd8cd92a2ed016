package io.synthgen.output;

/** Encoded lines of a text format (already gzip-compressed when the file is). */
public record TextChunk(long rows, byte[] data, int length) implements EncodedChunk {

  @Override
  public long bytes() {
    return length;
  }
}
