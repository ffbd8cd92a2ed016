package io.synthgen.server.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Progress;

/** What a job does: runs with progress and cancellation, and returns its result as JSON. */
@FunctionalInterface
public interface JobWork {

  ObjectNode run(Progress progress, Cancellation cancel) throws Exception;
}
