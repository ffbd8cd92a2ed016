package io.synthgen.server.mcp;

import io.synthgen.server.config.CallBudget;
import io.synthgen.server.tool.Elicitor;
import io.synthgen.server.tool.ToolCall;
import io.synthgen.server.tool.ToolRegistry;
import io.synthgen.server.tool.ToolResult;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tool calls on synthgen's own workers under the {@link CallBudget}, so that every call is answered and no
 * call holds the transport's thread: the caller waits at most the time budget (not counting the time an
 * elicitation waits for the person), then gets {@code budget_exceeded} and the worker is interrupted; a watchdog
 * does the same when the worker has allocated more than the memory budget. Any {@link Error} or runtime exception
 * of a tool (a stack overflow, an exhausted heap, a bug) becomes an error result whose text names no stack frame;
 * the trace goes to the log. When every worker is busy (stuck calls included: a call that ignores interruption
 * keeps its worker until it ends), a new call is answered {@code server_busy} at once instead of waiting in a queue.
 *
 * <p>Checked exceptions of a tool are failures of the infrastructure (I/O); they propagate to the caller.
 */
final class ToolRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ToolRunner.class);

  /** How long a call waits for a worker that is just finishing, before it is answered server_busy. */
  private static final long HANDOVER_MILLIS = 100;

  /** While an elicitation waits for the person, the caller re-checks the call this often. */
  private static final long PAUSED_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  /** Frames kept when a stack overflow is logged (its full trace is a thousand identical lines). */
  private static final int LOGGED_FRAMES = 24;

  private static final int MAX_MESSAGE_CHARS = 300;

  private final CallBudget budget;
  private final ThreadPoolExecutor workers;
  private final ScheduledExecutorService watchdog;
  private final com.sun.management.ThreadMXBean threads;
  private final Set<Running> running = ConcurrentHashMap.newKeySet();

  ToolRunner(CallBudget budget) {
    this.budget = budget;
    AtomicInteger n = new AtomicInteger();
    this.workers = new ThreadPoolExecutor(budget.callWorkers(), budget.callWorkers(), 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), r -> daemon(r, "synthgen-call-" + n.incrementAndGet()), (r, pool) -> {
          try {
            if (!pool.isShutdown() && pool.getQueue().offer(r, HANDOVER_MILLIS, TimeUnit.MILLISECONDS)) {
              return;
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          throw new RejectedExecutionException("all " + budget.callWorkers() + " call workers are busy");
        });
    this.workers.allowCoreThreadTimeOut(true);
    this.threads = allocationCounter();
    if (threads == null) {
      LOG.warn("this JVM does not count allocated bytes per thread: the memory budget of a tool call is not "
          + "enforced (the time budget is)");
      this.watchdog = null;
    } else {
      this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "synthgen-call-watchdog"));
      long every = CallBudget.WATCH_INTERVAL.toMillis();
      this.watchdog.scheduleWithFixedDelay(this::watchMemory, every, every, TimeUnit.MILLISECONDS);
    }
  }

  /** Runs a tool of the registry under the budget; always returns a result unless the tool threw a checked one. */
  ToolResult run(ToolRegistry registry, String name, ToolCall call) throws Exception {
    Running r = new Running(name);
    ToolCall budgeted = new ToolCall(call.args(), call.owner(), call.progress(), pausing(call.elicitor(), r));
    try {
      workers.execute(() -> work(r, () -> registry.call(name, budgeted)));
    } catch (RejectedExecutionException e) {
      return busy(name);
    }
    return await(r);
  }

  /** Calls running now, stuck ones included. */
  int running() {
    return running.size();
  }

  @Override
  public void close() {
    workers.shutdownNow();
    if (watchdog != null) {
      watchdog.shutdownNow();
    }
  }

  @FunctionalInterface
  interface Body {
    ToolResult call() throws Exception;
  }

  private void work(Running r, Body body) {
    synchronized (r) {
      r.worker = Thread.currentThread();
    }
    r.allocatedAtStart = allocated(r.worker);
    running.add(r);
    try {
      if (r.answer.isDone()) {
        // answered (stopped) before a worker took it
        return;
      }
      r.answer.complete(body.call());
    } catch (InterruptedException e) {
      // interrupted by the budget (the answer is already set) or by a closing server
      r.answer.completeExceptionally(e);
    } catch (StackOverflowError e) {
      e.setStackTrace(Arrays.copyOf(e.getStackTrace(), Math.min(LOGGED_FRAMES, e.getStackTrace().length)));
      LOG.error("{} overflowed the stack (first {} frames shown)", r.name, LOGGED_FRAMES, e);
      r.answer.complete(ToolResult.error("too_complex", r.name + " needed more stack than the server has: the "
          + "request nests too deeply", "split deeply nested expressions into helper columns (omit: true) or "
          + "shorten them, then call " + r.name + " again"));
    } catch (OutOfMemoryError e) {
      LOG.error("{} ran out of memory", r.name, e);
      r.answer.complete(ToolResult.error("budget_exceeded", r.name + " needed more memory than the server has",
          "make the request smaller (fewer or shorter values, fewer rows in a sample, simpler expressions; for a "
              + "source, fewer files or columns at once) and call " + r.name + " again, or ask the server's "
              + "operator for a larger heap (-Xmx)"));
    } catch (Error | RuntimeException e) {
      LOG.error("{} failed", r.name, e);
      r.answer.complete(ToolResult.error("server_error", r.name + " failed inside the server ("
          + describe(e) + "); this is not a mistake in the request", "try again; if it fails again, tell the "
          + "person that synthgen has a bug (the server's log has the details)"));
    } catch (Exception e) {
      r.answer.completeExceptionally(e);
    } finally {
      running.remove(r);
      CallBudget.clearBoundedLiveMemory(Thread.currentThread());
      synchronized (r) {
        r.worker = null;
      }
      // the worker goes back to the pool without the budget's interrupt (none can come after the line above)
      Thread.interrupted();
    }
  }

  private ToolResult await(Running r) throws Exception {
    long timeout = budget.callTimeout().toNanos();
    try {
      while (true) {
        long left = r.startNanos + timeout + r.pausedNanos() - System.nanoTime();
        if (r.paused()) {
          left = Math.max(left, PAUSED_SLICE_NANOS);
        }
        if (left <= 0) {
          stop(r, ToolResult.error("budget_exceeded", String.format(Locale.ROOT, "%s did not finish within the %d s "
              + "budget of a tool call and was stopped", r.name, budget.callTimeout().toSeconds()),
              "make the request smaller (fewer rows, shorter or less nested expressions, a shorter wait_seconds) "
                  + "and call " + r.name + " again; a background job it started keeps running (get_job); the "
                  + "budget is the server's serve --call-timeout"));
        }
        try {
          return r.answer.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          // loop: the deadline may have moved while an elicitation waited for the person
        }
      }
    } catch (InterruptedException e) {
      // the transport gave up on the request (the server is closing): stop the worker too
      stop(r, null);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** Answers the call with {@code result} (when it has no answer yet) and interrupts its worker. */
  private void stop(Running r, ToolResult result) {
    boolean first = result == null ? r.answer.cancel(false) : r.answer.complete(result);
    if (!first) {
      return;
    }
    LOG.warn("{} stopped: {}", r.name, result == null ? "the request was abandoned" : result.text());
    synchronized (r) {
      // only while the worker still runs this call, never after it went back to the pool
      if (r.worker != null) {
        r.worker.interrupt();
      }
    }
  }

  private void watchMemory() {
    long limit = budget.callMemoryBytes();
    for (Running r : running) {
      Thread w = r.worker;
      if (w == null || r.answer.isDone()) {
        continue;
      }
      long used = allocated(w) - r.allocatedAtStart;
      if (used > limit && !CallBudget.hasBoundedLiveMemory(w)) {
        stop(r, ToolResult.error("budget_exceeded", String.format(Locale.ROOT, "%s allocated more than the %d MiB "
            + "memory budget of a tool call and was stopped", r.name, limit >> 20), "make the request smaller "
            + "(fewer or shorter values, simpler expressions; for a source, fewer tables or files) and call "
            + r.name + " again; the budget is the server's serve --call-memory"));
      }
    }
  }

  private ToolResult busy(String name) {
    long stuck = running.stream().filter(r -> r.answer.isDone()).count();
    return ToolResult.error("server_busy", String.format(Locale.ROOT, "all %d workers of the server are busy with "
        + "earlier calls%s, so %s was not started", budget.callWorkers(), stuck > 0 ? " (" + stuck + " of them "
        + "stopped for exceeding their budget and still ending)" : "", name), "wait a few seconds and call " + name
        + " again; if the server stays busy, its operator can raise serve --call-workers or restart it");
  }

  private long allocated(Thread t) {
    return threads == null ? 0 : threads.getThreadAllocatedBytes(t.getId());
  }

  /** The elicitor of a call, with the time budget paused while the person answers. */
  private static Elicitor pausing(Elicitor e, Running r) {
    if (e == null) {
      return null;
    }
    return (message, schema) -> {
      r.pause();
      try {
        return e.ask(message, schema);
      } finally {
        r.resume();
      }
    };
  }

  private static String describe(Throwable e) {
    // the first line of the message only (a message can carry a trace or a dump), without Java class names
    String m = e.getMessage() == null ? "" : e.getMessage().strip().lines().findFirst().orElse("");
    String s = m.isBlank() ? e.getClass().getSimpleName() : m.replaceAll("\\s+", " ");
    return s.length() <= MAX_MESSAGE_CHARS ? s : s.substring(0, MAX_MESSAGE_CHARS) + "…";
  }

  private static com.sun.management.ThreadMXBean allocationCounter() {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
        && t.isThreadAllocatedMemorySupported()) {
      if (!t.isThreadAllocatedMemoryEnabled()) {
        t.setThreadAllocatedMemoryEnabled(true);
      }
      return t;
    }
    return null;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** One call: its answer (set once, by the worker, the budget or the watchdog) and its pauses. */
  private static final class Running {
    final String name;
    final long startNanos = System.nanoTime();
    final CompletableFuture<ToolResult> answer = new CompletableFuture<>();
    volatile Thread worker;
    volatile long allocatedAtStart;
    private final AtomicLong pausedTotal = new AtomicLong();
    private int pauses;
    private long pausedSince;

    Running(String name) {
      this.name = name;
    }

    synchronized void pause() {
      if (pauses++ == 0) {
        pausedSince = System.nanoTime();
      }
    }

    synchronized void resume() {
      if (--pauses == 0) {
        pausedTotal.addAndGet(System.nanoTime() - pausedSince);
      }
    }

    synchronized boolean paused() {
      return pauses > 0;
    }

    synchronized long pausedNanos() {
      return pausedTotal.get() + (pauses > 0 ? System.nanoTime() - pausedSince : 0);
    }
  }
}
