package io.synthgen.server.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * Logging set up in code (found by Logback through {@code META-INF/services}): everything to stderr, because stdout
 * carries command output and, for {@code synthgen serve} on stdio, JSON-RPC; level WARN unless
 * {@code SYNTHGEN_LOG_LEVEL} says otherwise. Done in code rather than logback.xml because parsing the XML
 * configuration costs about half a second of start-up, which an MCP client waits for.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {

  @Override
  public ExecutionStatus configure(LoggerContext ctx) {
    ConsoleAppender<ILoggingEvent> err = new ConsoleAppender<>();
    err.setContext(ctx);
    err.setName("STDERR");
    err.setTarget("System.err");
    LayoutWrappingEncoder<ILoggingEvent> enc = new LayoutWrappingEncoder<>();
    enc.setContext(ctx);
    LineLayout layout = new LineLayout();
    layout.setContext(ctx);
    layout.start();
    enc.setLayout(layout);
    enc.start();
    err.setEncoder(enc);
    err.start();
    ch.qos.logback.classic.Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    String level = System.getenv("SYNTHGEN_LOG_LEVEL");
    root.setLevel(Level.toLevel(level, Level.WARN));
    if (level == null) {
      // the Databricks SDK warns, with a stack trace, about each attempt to reach a workspace that fails; synthgen
      // reports that failure itself, once, with its fix
      ctx.getLogger("com.databricks.sdk").setLevel(Level.ERROR);
    }
    root.addAppender(err);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** {@code HH:mm:ss.SSS LEVEL logger - message}, then the stack trace if any (a PatternLayout without its parser). */
  static final class LineLayout extends LayoutBase<ILoggingEvent> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
        .withZone(ZoneId.systemDefault());

    @Override
    public String doLayout(ILoggingEvent e) {
      StringBuilder b = new StringBuilder(128);
      b.append(TIME.format(Instant.ofEpochMilli(e.getTimeStamp()))).append(' ');
      String level = e.getLevel().toString();
      b.append(level).append(" ".repeat(Math.max(0, 5 - level.length()))).append(' ');
      String name = e.getLoggerName();
      b.append(name.substring(name.lastIndexOf('.') + 1)).append(" - ").append(e.getFormattedMessage())
          .append(System.lineSeparator());
      if (e.getThrowableProxy() != null) {
        b.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append(System.lineSeparator());
      }
      return b.toString();
    }
  }
}
