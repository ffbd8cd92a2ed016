package io.synthgen.output;

import io.synthgen.vec.Batch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;

/** A {@link TableReader} built on one method that returns the next batch or null at the end. */
public abstract class BatchSource implements TableReader {

  /** Rows per batch the readers produce. */
  public static final int BATCH_ROWS = 1 << 16;

  private Batch pending;
  private boolean done;

  /** The next batch, or null when the file is exhausted. */
  protected abstract Batch read() throws IOException;

  @Override
  public boolean hasNext() {
    if (pending == null && !done) {
      try {
        pending = read();
      } catch (IOException e) {
        throw new UncheckedIOException(e.getMessage(), e);
      }
      done = pending == null;
    }
    return pending != null;
  }

  @Override
  public Batch next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more rows; check hasNext() first");
    }
    Batch b = pending;
    pending = null;
    return b;
  }
}
