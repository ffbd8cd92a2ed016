package io.synthgen.draft.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;

/**
 * JSqlParser under a time budget: each statement or expression may take {@link DdlLimits#PARSE_BUDGET_MILLIS}, and
 * all of a script together {@link DdlLimits#TOTAL_PARSE_BUDGET_MILLIS}. The parser runs on the caller's thread; a
 * timer sets its {@code interrupted} flag, which makes it stop with an error at the next token.
 */
final class SqlParsing {

  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "synthgen-ddl-parse-budget");
    t.setDaemon(true);
    return t;
  });

  /** Why a text did not parse: the parser's message, or that it ran out of time. */
  static final class ParseFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final boolean timedOut;

    ParseFailure(String message, boolean timedOut) {
      super(message);
      this.timedOut = timedOut;
    }
  }

  private long spentMillis;
  private boolean exhausted;

  /** True once the script's total budget is spent: the remaining statements are not parsed. */
  boolean exhausted() {
    return exhausted;
  }

  Statement statement(String sql) throws ParseFailure {
    return run(sql, false);
  }

  Expression condition(String sql) throws ParseFailure {
    return run(sql, true);
  }

  @SuppressWarnings("unchecked")
  private <T> T run(String sql, boolean condition) throws ParseFailure {
    long budget = Math.min(DdlLimits.PARSE_BUDGET_MILLIS, DdlLimits.TOTAL_PARSE_BUDGET_MILLIS - spentMillis);
    if (budget <= 0) {
      exhausted = true;
      throw new ParseFailure("the script took more than " + DdlLimits.TOTAL_PARSE_BUDGET_MILLIS + " ms to parse",
          true);
    }
    List<CCJSqlParser> parsers = new ArrayList<>();
    List<ScheduledFuture<?>> timers = new ArrayList<>();
    long start = System.nanoTime();
    try {
      Object out;
      if (condition) {
        out = CCJSqlParserUtil.parseCondExpression(sql, false, p -> watch(p, budget, parsers, timers));
      } else {
        CCJSqlParser p = CCJSqlParserUtil.newParser(sql);
        watch(p, budget, parsers, timers);
        out = p.Statement();
      }
      return (T) out;
    } catch (JSQLParserException | net.sf.jsqlparser.parser.ParseException | RuntimeException e) {
      for (CCJSqlParser p : parsers) {
        if (p.interrupted) {
          throw new ParseFailure("took more than " + budget + " ms to parse", true);
        }
      }
      throw new ParseFailure(message(e), false);
    } catch (Error e) {
      // the token manager reports bad characters with an Error; a stack overflow means absurd nesting
      if (e.getClass().getSimpleName().equals("TokenMgrException") || e instanceof StackOverflowError) {
        throw new ParseFailure(e instanceof StackOverflowError ? "nested too deeply to parse"
            : message(e), false);
      }
      throw e;
    } finally {
      for (ScheduledFuture<?> t : timers) {
        t.cancel(false);
      }
      spentMillis += (System.nanoTime() - start) / 1_000_000;
    }
  }

  private static void watch(CCJSqlParser p, long budget, List<CCJSqlParser> parsers, List<ScheduledFuture<?>> timers) {
    parsers.add(p);
    timers.add(TIMER.schedule(() -> {
      p.interrupted = true;
    }, budget, TimeUnit.MILLISECONDS));
  }

  /** The first line of the parser's message (and of its cause's). */
  private static String message(Throwable e) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().split("\n")[0];
    if (e.getCause() != null && e.getCause().getMessage() != null
        && !why.contains(e.getCause().getMessage().strip().split("\n")[0])) {
      why = why + ": " + e.getCause().getMessage().strip().split("\n")[0];
    }
    return why.replace("net.sf.jsqlparser.parser.ParseException: ", "");
  }
}
