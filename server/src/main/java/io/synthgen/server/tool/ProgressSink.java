package io.synthgen.server.tool;

/** Progress of the current request, sent to the client when it asked for progress (a progress token). */
@FunctionalInterface
public interface ProgressSink {

  void report(double progress, double total, String message);
}
