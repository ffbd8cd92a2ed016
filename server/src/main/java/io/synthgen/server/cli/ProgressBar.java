package io.synthgen.server.cli;

import io.synthgen.engine.Progress;
import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on stderr, redrawn at most 10 times a second; silent when stderr is not a terminal. */
final class ProgressBar implements Progress {

  private final PrintStream out;
  private final boolean enabled;
  private final long started = System.nanoTime();
  private long lastDraw;

  ProgressBar(PrintStream out, boolean enabled) {
    this.out = out;
    this.enabled = enabled;
  }

  static ProgressBar forTerminal() {
    return new ProgressBar(System.err, System.console() != null && System.getenv("CI") == null);
  }

  @Override
  public synchronized void update(String table, long done, long total, long runDone, long runTotal) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw < 100_000_000L && runDone < runTotal) {
      return;
    }
    lastDraw = now;
    int width = 30;
    int filled = runTotal == 0 ? width : (int) (width * runDone / runTotal);
    double secs = (now - started) / 1e9;
    out.printf(Locale.ROOT, "\r[%s%s] %5.1f%% %-16s %,d rows %.1fs ", "#".repeat(filled), ".".repeat(width - filled),
        runTotal == 0 ? 100.0 : 100.0 * runDone / runTotal, table, runDone, secs);
    out.flush();
  }

  void finish() {
    if (enabled) {
      out.print("\r" + " ".repeat(79) + "\r");
      out.flush();
    }
  }
}
