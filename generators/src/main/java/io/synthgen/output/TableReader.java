package io.synthgen.output;

import io.synthgen.vec.Batch;
import java.io.Closeable;
import java.util.Iterator;

/**
 * Reads back a table written by synthgen as batches in row order. Vectors follow the expected columns' order;
 * strings come back in plain layout; {@code Batch.rows} counts rows from 0 across all part files. I/O and format
 * errors surface as {@link java.io.UncheckedIOException} from {@link #hasNext()} and {@link #next()}.
 */
public interface TableReader extends Iterator<Batch>, Closeable {
}
