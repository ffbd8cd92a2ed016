package io.synthgen.output;

import io.synthgen.vec.Batch;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One file format (Parquet, CSV, JSONL) as seen by {@link PartedTableWriter}, which owns file names, parts, hashing
 * and the commit protocol. Implementations are immutable; {@link #encode} is called from many threads at once.
 */
public interface FileFormat {

  /** The file name suffix including the dot, e.g. {@code .parquet} or {@code .csv.gz}. */
  String extension();

  /** Encodes rows {@code [from, to)} of a batch; thread-safe and free of I/O. */
  EncodedChunk encode(Batch batch, int from, int to) throws IOException;

  /** Starts a file on {@code out} (writing any header); the returned part receives this format's chunks in order. */
  FilePart begin(OutputStream out) throws IOException;

  /** One file being written. */
  interface FilePart {

    void write(EncodedChunk chunk) throws IOException;

    /** Writes any trailer; the caller closes the stream. */
    void finish() throws IOException;
  }
}
