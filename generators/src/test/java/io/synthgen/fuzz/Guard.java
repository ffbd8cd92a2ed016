package io.synthgen.fuzz;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one fuzz case on a worker thread with a hang guard: a case that takes longer than {@link #CASE_TIMEOUT_SECONDS}
 * fails, and so does one that throws anything but the oracle's own {@link AssertionError}. A timed-out worker is
 * interrupted and abandoned (a daemon thread), and the next case gets a fresh one.
 */
public final class Guard {

  /** The longest one case may take, parse to checked output, on a busy 2-core machine. */
  public static final int CASE_TIMEOUT_SECONDS = 20;

  private static final AtomicInteger THREADS = new AtomicInteger();
  private static ExecutorService worker = newWorker();

  private Guard() {
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-case-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** The case's result; an {@link AssertionError} naming the input when it hangs, crashes or fails the oracle. */
  public static synchronized <T> T run(String input, Callable<T> work) {
    Future<T> f = worker.submit(work);
    try {
      return f.get(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      worker.shutdownNow();
      worker = newWorker();
      throw new AssertionError("hang: the case took more than " + CASE_TIMEOUT_SECONDS + " s\n" + input);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the case\n" + input, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof AssertionError a) {
        throw new AssertionError(a.getMessage() + "\n" + input, a);
      }
      throw new AssertionError("crash: " + cause + "\n" + input, cause);
    }
  }
}
