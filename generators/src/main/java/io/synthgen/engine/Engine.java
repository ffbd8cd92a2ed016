package io.synthgen.engine;

import io.synthgen.output.EncodedChunk;
import io.synthgen.output.FileEntry;
import io.synthgen.output.OutputColumn;
import io.synthgen.output.TableWriter;
import io.synthgen.output.formats.TableWriters;
import io.synthgen.output.WriterOptions;
import io.synthgen.resolve.ResolvedColumn;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.vec.Batch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Generates tables chunk by chunk on all cores. Workers take chunks in order, generate and encode them, and the
 * chunk next in row order is appended by whichever worker holds it; at most {@code 2 x threads} chunks are in
 * flight, so memory is bounded by the chunk size whatever the row count. The output is the same bytes for any
 * thread count: chunk boundaries depend only on the chunk size.
 *
 * <p>A chunk is one row group of the output. Its rows are evaluated in vectors of {@code vectorRows} rows (see
 * {@link VectorChunks}), which changes nothing in the output: the vector size is a speed setting only.
 */
public final class Engine {

  public static final int DEFAULT_CHUNK_ROWS = 131_072;
  public static final int DEFAULT_VECTOR_ROWS = 8_192;

  private final int threads;
  private final int chunkRows;
  private final int vectorRows;

  public Engine(int threads, int chunkRows) {
    this(threads, chunkRows, DEFAULT_VECTOR_ROWS);
  }

  public Engine(int threads, int chunkRows, int vectorRows) {
    if (threads < 1 || chunkRows < 1 || vectorRows < 1) {
      throw new IllegalArgumentException("threads, chunk rows and vector rows must be at least 1");
    }
    this.threads = threads;
    this.chunkRows = chunkRows;
    this.vectorRows = vectorRows;
  }

  public static Engine defaults() {
    return new Engine(Runtime.getRuntime().availableProcessors(), DEFAULT_CHUNK_ROWS);
  }

  /** The columns a writer sees for a table. */
  public static List<OutputColumn> outputColumns(ResolvedTable t) {
    List<OutputColumn> cols = new ArrayList<>();
    for (ResolvedColumn c : t.outputColumns()) {
      cols.add(new OutputColumn(c.name(), c.spec().type(), c.spec().nullRate() > 0 || c.spec().gen().mayDeriveNull(),
          c.generator().distinctEstimate(t.rows()), c.spec().note()));
    }
    return cols;
  }

  /**
   * Writes every table of the plan into {@code dir} (files {@code dir/{table}.parquet} ...). Each table's files
   * appear under their final names only when complete; on failure or cancellation the table being written is
   * removed.
   */
  public List<TableRun> run(ResolvedPlan plan, Path dir, WriterOptions options, Progress progress,
      Cancellation cancel, Function<ResolvedTable, BatchObserver> observers) throws IOException {
    return run(TableSource.all(plan), dir, options, progress, cancel,
        observers == null ? null : s -> observers.apply(s.table()));
  }

  /** Writes {@code sources} into {@code dir} in order, as {@link #run(ResolvedPlan, Path, WriterOptions, Progress,
   * Cancellation, Function)} does for a plan's tables. */
  public List<TableRun> run(List<TableSource> sources, Path dir, WriterOptions options, Progress progress,
      Cancellation cancel, Function<TableSource, BatchObserver> observers) throws IOException {
    Files.createDirectories(dir);
    long runTotal = sources.stream().mapToLong(TableSource::rows).sum();
    AtomicLong runDone = new AtomicLong();
    List<TableRun> runs = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "synthgen-worker");
      t.setDaemon(true);
      return t;
    });
    try {
      for (TableSource t : sources) {
        cancel.check();
        BatchObserver observer = observers == null ? null : observers.apply(t);
        runs.add(runTable(t, dir, options, progress, cancel, observer, pool, runDone, runTotal));
      }
    } finally {
      pool.shutdownNow();
    }
    return runs;
  }

  private TableRun runTable(TableSource t, Path dir, WriterOptions options, Progress progress,
      Cancellation cancel, BatchObserver observer, ExecutorService pool, AtomicLong runDone, long runTotal)
      throws IOException {
    long start = System.nanoTime();
    long rows = t.rows();
    long chunks = (rows + chunkRows - 1) / chunkRows;
    try (TableWriter writer = TableWriters.open(dir, t.name(), t.columns(), options)) {
      Ordered ordered = new Ordered(writer, 2L * threads);
      AtomicLong next = new AtomicLong();
      AtomicLong done = new AtomicLong();
      AtomicLong written = new AtomicLong();
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        futures.add(pool.submit(() -> {
          long i;
          while ((i = next.getAndIncrement()) < chunks) {
            cancel.check();
            ordered.awaitTurnToStart(i);
            long first = i * chunkRows;
            int n = (int) Math.min(chunkRows, rows - first);
            Batch batch = t.chunk(first, n, vectorRows);
            if (observer != null) {
              observer.accept(batch);
            }
            try {
              ordered.offer(i, writer.encode(batch));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            written.addAndGet(batch.size());
            long d = done.addAndGet(n);
            progress.update(t.name(), d, rows, runDone.addAndGet(n), runTotal);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          ordered.fail();
          for (Future<?> g : futures) {
            g.cancel(true);
          }
          Throwable c = e.getCause();
          if (c instanceof UncheckedIOException u) {
            throw u.getCause();
          }
          if (c instanceof RuntimeException r) {
            throw r;
          }
          throw new IOException(c);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          ordered.fail();
          throw new CancellationException("interrupted");
        }
      }
      ordered.rethrow();
      List<FileEntry> files = writer.commit();
      return new TableRun(t.name(), written.get(), files, (System.nanoTime() - start) / 1e9);
    }
  }

  /** Appends encoded chunks in order and holds back workers that run too far ahead. */
  private static final class Ordered {
    private final TableWriter writer;
    private final long window;
    private final TreeMap<Long, EncodedChunk> waiting = new TreeMap<>();
    private long nextToAppend;
    private boolean failed;
    private IOException error;

    Ordered(TableWriter writer, long window) {
      this.writer = writer;
      this.window = window;
    }

    synchronized void awaitTurnToStart(long chunk) {
      while (!failed && chunk >= nextToAppend + window) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CancellationException("interrupted");
        }
      }
      if (failed) {
        throw new CancellationException("the run failed");
      }
    }

    synchronized void offer(long chunk, EncodedChunk encoded) throws IOException {
      waiting.put(chunk, encoded);
      try {
        while (!waiting.isEmpty() && waiting.firstKey() == nextToAppend) {
          writer.append(waiting.pollFirstEntry().getValue());
          nextToAppend++;
        }
      } catch (IOException e) {
        failed = true;
        error = e;
        throw e;
      } finally {
        notifyAll();
      }
    }

    synchronized void fail() {
      failed = true;
      notifyAll();
    }

    synchronized void rethrow() throws IOException {
      if (error != null) {
        throw error;
      }
    }
  }
}
