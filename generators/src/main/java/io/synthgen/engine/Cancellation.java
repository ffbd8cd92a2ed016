package io.synthgen.engine;

import java.util.concurrent.CancellationException;

/** A flag a run checks between chunks; cancelling makes the run stop and remove what it wrote. Thread-safe. */
public final class Cancellation {

  private volatile boolean cancelled;

  public void cancel() {
    cancelled = true;
  }

  public boolean isCancelled() {
    return cancelled;
  }

  void check() {
    if (cancelled) {
      throw new CancellationException("the run was cancelled");
    }
  }
}
