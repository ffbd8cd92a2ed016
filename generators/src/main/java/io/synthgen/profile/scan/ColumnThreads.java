package io.synthgen.profile.scan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a task per column index on up to {@link #THREADS} threads and waits for all: column c on thread
 * c % threads, so each accumulator sees its values in row order and the profile is the same on any machine.
 */
final class ColumnThreads implements AutoCloseable {

  /** Threads that feed a batch's columns to their accumulators (each column on one thread, in row order). */
  static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

  private final int columns;
  private final java.util.concurrent.ExecutorService pool;

  ColumnThreads(int columns) {
    this.columns = columns;
    int threads = Math.min(THREADS, columns);
    this.pool = threads > 1 ? java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "synthgen-profile");
      t.setDaemon(true);
      return t;
    }) : null;
  }

  void each(java.util.function.IntConsumer task) throws IOException {
    if (pool == null) {
      for (int c = 0; c < columns; c++) {
        task.accept(c);
      }
      return;
    }
    int threads = Math.min(THREADS, columns);
    List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int first = t;
      fs.add(pool.submit(() -> {
        for (int c = first; c < columns; c += threads) {
          task.accept(c);
        }
      }));
    }
    try {
      for (java.util.concurrent.Future<?> f : fs) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("profiling was interrupted");
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}

