package io.synthgen.fuzz;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one fuzz case on its own worker thread with a hang guard: a case that takes longer than
 * {@link #CASE_TIMEOUT_SECONDS} fails, and so does one that throws anything but the oracle's own
 * {@link AssertionError}. A timed-out worker is interrupted and, if it does not stop, stopped: a runaway case must
 * not keep two shared cores busy for the rest of the build (on Java 17; a newer JVM leaves it as a daemon).
 */
public final class Guard {

  /** The longest one case may take, parse to checked output, on a busy 2-core machine. */
  public static final int CASE_TIMEOUT_SECONDS = 20;

  /** How long an interrupted worker gets to end by itself before it is stopped. */
  static final int STOP_GRACE_MILLIS = 1_000;

  private static final AtomicInteger THREADS = new AtomicInteger();

  private Guard() {
  }

  /** The case's result; an {@link AssertionError} naming the input when it hangs, crashes or fails the oracle. */
  public static <T> T run(String input, Callable<T> work) {
    return run(input, CASE_TIMEOUT_SECONDS, work);
  }

  /** As {@link #run(String, Callable)} with another time limit. */
  static synchronized <T> T run(String input, int timeoutSeconds, Callable<T> work) {
    Object[] result = new Object[1];
    Throwable[] thrown = new Throwable[1];
    Thread worker = new Thread(() -> {
      try {
        result[0] = work.call();
      } catch (Throwable t) {
        thrown[0] = t;
      }
    }, "fuzz-case-" + THREADS.incrementAndGet());
    worker.setDaemon(true);
    worker.start();
    try {
      worker.join(timeoutSeconds * 1000L);
      if (worker.isAlive()) {
        stop(worker);
        throw new AssertionError("hang: the case took more than " + timeoutSeconds + " s\n" + input);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop(worker);
      throw new AssertionError("interrupted while waiting for the case\n" + input, e);
    }
    Throwable cause = thrown[0];
    if (cause instanceof AssertionError a) {
      throw new AssertionError(a.getMessage() + "\n" + input, a);
    }
    if (cause != null) {
      throw new AssertionError("crash: " + cause + "\n" + input, cause);
    }
    @SuppressWarnings("unchecked")
    T t = (T) result[0];
    return t;
  }

  /** Interrupts the worker; one that ignores it (a CPU-bound loop) is stopped, which Java 17 still allows. */
  @SuppressWarnings({"deprecation", "removal"})
  private static void stop(Thread worker) {
    worker.interrupt();
    try {
      worker.join(STOP_GRACE_MILLIS);
      if (worker.isAlive()) {
        worker.stop();
        worker.join(STOP_GRACE_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (UnsupportedOperationException e) {
      // a JVM newer than 19 cannot stop a thread: the daemon worker is left to the end of the test run
    }
  }
}
