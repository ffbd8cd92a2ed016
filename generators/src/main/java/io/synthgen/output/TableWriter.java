package io.synthgen.output;

import io.synthgen.vec.Batch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one table. The engine encodes batches on many threads ({@link #encode} is thread-safe) and appends the
 * encoded chunks in row order from one thread at a time. Files are written under temporary names and appear under
 * their final names only in {@link #commit}; {@link #abort} removes everything written, so a failed or cancelled
 * run never leaves a file that looks finished.
 */
public interface TableWriter extends AutoCloseable {

  /** Encodes a batch; thread-safe and free of I/O. */
  EncodedChunk encode(Batch batch) throws IOException;

  /** Appends an encoded chunk; chunks arrive in row order. */
  void append(EncodedChunk chunk) throws IOException;

  /** Finishes the files, moves them to their final names and describes them. */
  List<FileEntry> commit() throws IOException;

  /** Deletes every file this writer created, temporary or final. Safe to call more than once. */
  void abort();

  /** Aborts unless committed. */
  @Override
  void close();

  /**
   * A writer of {@code format} files into {@code dir}: {@code {table}{extension}}, or part files in a
   * {@code {table}/} folder when {@code rowsPerFile > 0} and the table has more rows than that.
   */
  static TableWriter parted(Path dir, String table, List<OutputColumn> columns, FileFormat format,
      long rowsPerFile) {
    return new PartedTableWriter(dir, table, columns, format, rowsPerFile);
  }
}

