package io.synthgen.output;

/**
 * A batch already encoded by {@link TableWriter#encode}: for Parquet a complete row group (compressed column
 * chunks and their metadata), for text formats the bytes of its lines. Opaque to the engine.
 */
public interface EncodedChunk {

  /** Rows in the chunk. */
  long rows();

  /** Encoded size in bytes (for progress and memory accounting). */
  long bytes();
}
