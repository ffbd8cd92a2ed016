package io.synthgen.server.config;

import java.time.Duration;

/**
 * What one MCP request may cost the server, so that no request can take it down: every tool call runs on one of a
 * fixed number of workers for at most a time budget and a memory budget, and every message is bounded in size.
 *
 * <p>The time budget counts the time a call works or waits for a job (generate_full, get_job and write_to_uc wait
 * up to {@value #MAX_TOOL_WAIT_SECONDS} s when asked), not the time it waits for the person to answer an
 * elicitation. The memory budget counts the bytes the call's worker thread allocates (garbage included), sampled
 * every {@link #WATCH_INTERVAL}; full runs and publishes run as background jobs on their own threads and are not
 * counted.
 *
 * @param callTimeout longest a tool call may run before it is answered {@code budget_exceeded} and interrupted
 * @param callMemoryBytes most bytes a tool call's worker may allocate before it is answered {@code budget_exceeded}
 *     and interrupted
 * @param callWorkers tool calls that may run at once; another call is answered {@code server_busy} at once
 * @param maxMessageBytes largest JSON-RPC message accepted, one stdio line or one HTTP body
 */
public record CallBudget(Duration callTimeout, long callMemoryBytes, int callWorkers, int maxMessageBytes) {

  /** The longest wait_seconds a tool accepts (see the tools' input schemas). */
  public static final int MAX_TOOL_WAIT_SECONDS = 60;

  /** Default time budget: twice the longest job wait a tool can be asked for. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(2L * MAX_TOOL_WAIT_SECONDS);

  /** Default memory budget of one call: 2 GiB allocated (a template proposal allocates a few MiB). */
  public static final long DEFAULT_CALL_MEMORY_BYTES = 2L << 30;

  /** Default number of tool calls that run at once. */
  public static final int DEFAULT_CALL_WORKERS = 8;

  /** Default largest message: 4 MiB (a plan of the largest allowed size is well under 1 MiB). */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 4 << 20;

  /** Smallest values accepted, so that a configuration cannot make every call fail. */
  public static final Duration MIN_CALL_TIMEOUT = Duration.ofSeconds(1);
  public static final long MIN_CALL_MEMORY_BYTES = 16L << 20;
  public static final int MIN_MAX_MESSAGE_BYTES = 64 << 10;

  /** Most workers: each holds a thread, and a stuck call holds its worker until it ends. */
  public static final int MAX_CALL_WORKERS = 256;

  /** How often the watchdog samples the memory each running call has allocated. */
  public static final Duration WATCH_INTERVAL = Duration.ofMillis(50);

  public static final CallBudget DEFAULT = new CallBudget(DEFAULT_CALL_TIMEOUT, DEFAULT_CALL_MEMORY_BYTES,
      DEFAULT_CALL_WORKERS, DEFAULT_MAX_MESSAGE_BYTES);

  public CallBudget {
    if (callTimeout == null || callTimeout.compareTo(MIN_CALL_TIMEOUT) < 0) {
      throw new IllegalArgumentException("the time budget of a tool call (serve --call-timeout) must be at least "
          + MIN_CALL_TIMEOUT.toSeconds() + " s, got " + (callTimeout == null ? "none" : callTimeout.toMillis()
          / 1000.0 + " s"));
    }
    if (callMemoryBytes < MIN_CALL_MEMORY_BYTES) {
      throw new IllegalArgumentException("the memory budget of a tool call (serve --call-memory) must be at least "
          + (MIN_CALL_MEMORY_BYTES >> 20) + " MiB, got " + callMemoryBytes / (double) (1 << 20) + " MiB");
    }
    if (callWorkers < 1 || callWorkers > MAX_CALL_WORKERS) {
      throw new IllegalArgumentException("the tool calls that run at once (serve --call-workers) must be between 1 "
          + "and " + MAX_CALL_WORKERS + ", got " + callWorkers);
    }
    if (maxMessageBytes < MIN_MAX_MESSAGE_BYTES) {
      throw new IllegalArgumentException("the largest message (serve --max-message-bytes) must be at least "
          + MIN_MAX_MESSAGE_BYTES + " bytes, got " + maxMessageBytes);
    }
  }

  public CallBudget withCallTimeout(Duration d) {
    return new CallBudget(d, callMemoryBytes, callWorkers, maxMessageBytes);
  }

  public CallBudget withCallMemoryBytes(long b) {
    return new CallBudget(callTimeout, b, callWorkers, maxMessageBytes);
  }

  public CallBudget withCallWorkers(int n) {
    return new CallBudget(callTimeout, callMemoryBytes, n, maxMessageBytes);
  }

  public CallBudget withMaxMessageBytes(int b) {
    return new CallBudget(callTimeout, callMemoryBytes, callWorkers, b);
  }

  private static final java.util.Set<Thread> BOUNDED = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * Marks the current tool call as one whose live memory is bounded by its own documented limits (profiling a
   * source: {@code io.synthgen.profile.ProfileLimits}), so the memory budget, which counts bytes allocated
   * (garbage included), no longer applies to it: a streaming profile allocates in proportion to the rows while
   * holding little. The time budget still applies, and the heap is the limit of what it holds. Cleared when the
   * call ends ({@link #clearBoundedLiveMemory}).
   */
  public static void boundedLiveMemory() {
    BOUNDED.add(Thread.currentThread());
  }

  /** Whether the call that thread runs was marked by {@link #boundedLiveMemory}. */
  public static boolean hasBoundedLiveMemory(Thread t) {
    return BOUNDED.contains(t);
  }

  /** Ends the mark of the call that thread ran. */
  public static void clearBoundedLiveMemory(Thread t) {
    BOUNDED.remove(t);
  }
}
