package io.synthgen.server.catalog;

import io.synthgen.engine.Cancellation;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends files to a volume on a few threads. A file already there with the expected size is not sent again (names
 * carry the plan hash and runs are deterministic, so same name and size means same bytes): a publish that failed
 * part-way resumes where it stopped. Transient failures are retried with backoff; the first other failure stops
 * new uploads and is reported with how many files made it.
 */
final class Uploader {

  static final int DEFAULT_THREADS = 4;
  static final int DEFAULT_ATTEMPTS = 4;
  private static final Logger LOG = LoggerFactory.getLogger(Uploader.class);

  /** What was sent and what was found in place already. */
  record Report(int sent, int skipped, long bytesSent) {
  }

  /** Bytes done of bytes total. */
  @FunctionalInterface
  interface Listener {
    void update(long done, long total);
  }

  /** An upload failed for good; {@code done} files are in place. */
  static final class UploadFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int done;
    private final String failed;

    UploadFailure(int done, String failed, CatalogException cause) {
      super(cause.getMessage(), cause);
      this.done = done;
      this.failed = failed;
    }

    int done() {
      return done;
    }

    String failed() {
      return failed;
    }

    CatalogException cause() {
      return (CatalogException) getCause();
    }
  }

  private final Workspace ws;
  private final int threads;
  private final int attempts;

  Uploader(Workspace ws, int threads, int attempts) {
    this.ws = ws;
    this.threads = threads;
    this.attempts = attempts;
  }

  Report upload(List<Upload> uploads, boolean overwrite, Listener listener, Cancellation cancel) {
    long total = uploads.stream().mapToLong(Upload::bytes).sum();
    AtomicLong bytesDone = new AtomicLong();
    AtomicLong bytesSent = new AtomicLong();
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger skipped = new AtomicInteger();
    AtomicReference<UploadFailure> failure = new AtomicReference<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, uploads.size())), r -> {
      Thread t = new Thread(r, "synthgen-upload");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new java.util.ArrayList<>();
      for (Upload u : uploads) {
        futures.add(pool.submit(() -> {
        if (failure.get() != null || cancel.isCancelled()) {
          return;
        }
        try {
          if (send(u, overwrite)) {
            sent.incrementAndGet();
            bytesSent.addAndGet(u.bytes());
          } else {
            skipped.incrementAndGet();
          }
          listener.update(bytesDone.addAndGet(u.bytes()), total);
        } catch (CatalogException e) {
          failure.compareAndSet(null, new UploadFailure(0, u.remote(), e));
        }
        }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("upload worker failed", e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          cancel.cancel();
          throw new CancellationException("interrupted while uploading");
        }
      }
    } finally {
      pool.shutdownNow();
    }
    UploadFailure f = failure.get();
    if (f != null) {
      throw new UploadFailure(sent.get() + skipped.get(), f.failed(), f.cause());
    }
    if (cancel.isCancelled()) {
      throw new CancellationException("cancelled while uploading; " + (sent.get() + skipped.get())
          + " files are in place and will not be sent again");
    }
    return new Report(sent.get(), skipped.get(), bytesSent.get());
  }

  /** Sends one file unless it is there already; returns whether it was sent. */
  private boolean send(Upload u, boolean overwrite) {
    for (int attempt = 1; ; attempt++) {
      try {
        OptionalLong there = ws.fileSize(u.remote());
        if (there.isPresent() && there.getAsLong() == u.bytes()) {
          return false;
        }
        ws.upload(u.remote(), u.local(), overwrite || there.isPresent());
        return true;
      } catch (CatalogException e) {
        if (!e.retryable() || attempt >= attempts) {
          throw e;
        }
        LOG.info("upload of {} failed ({}); attempt {} of {}", u.remote(), e.getMessage(), attempt + 1, attempts);
        sleep(250L << attempt);
      }
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting to retry an upload");
    }
  }
}
