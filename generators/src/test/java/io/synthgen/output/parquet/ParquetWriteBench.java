package io.synthgen.output.parquet;

import io.synthgen.output.EncodedChunk;
import io.synthgen.output.FileEntry;
import io.synthgen.output.TableWriter;
import io.synthgen.output.formats.TableWriters;
import io.synthgen.output.W2Batches;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Destination;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes W2-shaped rows: N threads generate and encode batches, the main thread appends them in order.
 * Usage: {@code ParquetWriteBench outDir [rows=10000000] [threads=2] [batchRows=1048576] [codec=ZSTD]}.
 */
public final class ParquetWriteBench {

  private ParquetWriteBench() {
  }

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "/tmp/synthgen-bench");
    long rows = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int batchRows = args.length > 3 ? Integer.parseInt(args[3]) : 1 << 20;
    Destination.Compression codec = Destination.Compression.valueOf(args.length > 4 ? args[4] : "ZSTD");
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<FileEntry> files;
    try (TableWriter w = TableWriters.open(out, "transactions", W2Batches.COLUMNS,
        new WriterOptions(Destination.Format.PARQUET, codec, 0))) {
      ArrayDeque<Future<EncodedChunk>> inFlight = new ArrayDeque<>();
      for (long first = 0; first < rows; first += batchRows) {
        long f = first;
        int n = (int) Math.min(batchRows, rows - first);
        inFlight.add(pool.submit(() -> w.encode(W2Batches.batch(f, n))));
        if (inFlight.size() >= threads + 1) {
          w.append(inFlight.poll().get());
        }
      }
      while (!inFlight.isEmpty()) {
        w.append(inFlight.poll().get());
      }
      files = w.commit();
    } finally {
      pool.shutdown();
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    FileEntry f = files.get(0);
    System.out.printf("%d rows, %d threads, batch %d, %s: %.2f s, %.2f M rows/s, %s %.1f MB%n", rows, threads,
        batchRows, codec, secs, rows / secs / 1e6, f.path(), f.bytes() / 1e6);
  }
}
