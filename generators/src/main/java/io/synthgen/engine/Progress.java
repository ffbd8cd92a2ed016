package io.synthgen.engine;

/** Receives progress of a run; called from worker threads, so implementations must be thread-safe and quick. */
@FunctionalInterface
public interface Progress {

  /** {@code rowsDone} of {@code rowsTotal} rows of {@code table} are written; {@code runDone} of {@code runTotal} overall. */
  void update(String table, long rowsDone, long rowsTotal, long runDone, long runTotal);

  Progress NONE = (t, d, n, rd, rt) -> { };
}
