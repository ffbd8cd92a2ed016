package io.synthgen.server.cli;

import io.synthgen.engine.Cancellation;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * While open, Ctrl-C or SIGTERM cancels the work and waits (up to 30 s) for it to clean up before the JVM exits: a
 * run removes its staging folder, a publish cancels its running statement. Close it when the work has ended.
 */
final class CancelOnExit implements AutoCloseable {

  private final Cancellation cancel = new Cancellation();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  CancelOnExit() {
    hook = new Thread(() -> {
      cancel.cancel();
      try {
        finished.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "synthgen-cancel");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  Cancellation cancellation() {
    return cancel;
  }

  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is already exiting; the work has been cancelled
    }
  }
}
