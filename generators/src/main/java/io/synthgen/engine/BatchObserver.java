package io.synthgen.engine;

import io.synthgen.vec.Batch;

/** Sees every batch of a table as it is generated (e.g. to gather validation statistics). Must be thread-safe. */
@FunctionalInterface
public interface BatchObserver {

  void accept(Batch batch);
}
