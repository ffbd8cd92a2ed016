package io.synthgen.output;

import java.io.IOException;
import java.io.OutputStream;

/** A text file: an optional header, then the chunks' bytes as they are. */
public final class TextPart implements FileFormat.FilePart {

  private final OutputStream out;

  public TextPart(OutputStream out, byte[] header) throws IOException {
    this.out = out;
    out.write(header);
  }

  @Override
  public void write(EncodedChunk chunk) throws IOException {
    TextChunk t = (TextChunk) chunk;
    out.write(t.data(), 0, t.length());
  }

  @Override
  public void finish() {
    // text files have no trailer; gzip members are complete per chunk
  }
}
