package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.plan.reach.Interval;
import io.synthgen.vec.Vec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;

/**
 * Compiles SQL-style column expressions (the subset documented in {@code docs/expressions.md}) into vectorized
 * evaluators. Compilation parses with JSqlParser, resolves names against an {@link ExprScope}, type-checks, folds
 * constants, builds samplers and regular expressions once, and converts the result to the column's type. Every
 * problem found is reported in one {@link ExprException}.
 */
public final class ExprCompiler {

  /** Interrupts parses that exceed {@link ExprLimits#PARSE_BUDGET_MILLIS}; one daemon thread for all compiles. */
  private static final ScheduledExecutorService PARSE_TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "synthgen-expression-parse-budget");
    t.setDaemon(true);
    return t;
  });

  private ExprCompiler() {
  }

  /** Compiles {@code sql} for a column of type {@code target}. */
  public static CompiledExpr compile(String sql, DataType target, ExprScope scope) throws ExprException {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(scope, "scope");
    if (sql == null || sql.isBlank()) {
      throw new ExprException(List.of("the expression is empty; write e.g. price * quantity"));
    }
    String tooBig = ExprLimits.checkText(sql);
    if (tooBig != null) {
      throw new ExprException(List.of(tooBig));
    }
    Expression ast;
    Translator t = new Translator(scope);
    Node root;
    try {
      ast = parse(sql);
      root = t.visit(ast);
    } catch (StackOverflowError e) {
      // The text limits keep recursion far from the stack's end on a default stack; this is the last resort for
      // a caller running the compiler on a much smaller stack.
      throw new ExprException(List.of("the expression is nested too deeply to compile on this thread; compute inner "
          + "parts in helper columns (\"omit\": true)"));
    } catch (Regexes.BudgetExceeded e) {
      throw new ExprException(List.of(e.getMessage())); // a constant folded while compiling
    }
    Node value = root;
    if (!root.failed() && t.problems().isEmpty()) {
      int depth = ExprLimits.treeDepth(root);
      if (depth > ExprLimits.MAX_TREE_DEPTH) {
        throw new ExprException(List.of("the expression compiles to a tree more than " + ExprLimits.MAX_TREE_DEPTH
            + " operations deep; split long chains of operators into helper columns (\"omit\": true)"));
      }
      if (!Types.assignable(root.type, target)) {
        t.problem("the expression gives " + root.type + " but the column is " + target + "; wrap it in CAST(... AS "
            + target + ") or change the column's type");
      } else {
        root = t.operators().castConstant(root, target);
      }
    }
    if (!t.problems().isEmpty()) {
      throw new ExprException(t.problems());
    }
    return new Compiled(root, value, target, Set.copyOf(t.references()));
  }

  /**
   * The type {@code sql} gives on its own, before any conversion to a column's type (null for an untyped NULL), for
   * a column whose type is to follow from its expression; its problems as {@link #compile} reports them.
   */
  public static DataType resultType(String sql, ExprScope scope) throws ExprException {
    return ((Compiled) compile(sql, DataType.STRING, scope)).value().type;
  }

  /** Every function name the language knows, in documentation order. */
  public static Set<String> functionNames() {
    return Functions.names();
  }

  /** Every function the language knows with its signature, in documentation order. */
  public static List<FunctionSignature> functions() {
    return List.copyOf(Functions.SIGNATURES.values());
  }

  /** The parsed expression, under the parse budget; also read by {@link ColumnRenames}. */
  static Expression parse(String sql) throws ExprException {
    Expression ast;
    List<CCJSqlParser> parsers = new ArrayList<>();
    List<ScheduledFuture<?>> budgets = new ArrayList<>();
    try {
      ast = CCJSqlParserUtil.parseExpression(sql, false, p -> {
        parsers.add(p);
        budgets.add(PARSE_TIMER.schedule(() -> {
          p.interrupted = true;
        }, ExprLimits.PARSE_BUDGET_MILLIS, TimeUnit.MILLISECONDS));
      });
    } catch (JSQLParserException | RuntimeException e) {
      for (CCJSqlParser p : parsers) {
        if (p.interrupted) {
          throw new ExprException(List.of("the expression '" + shorten(sql) + "' took more than "
              + ExprLimits.PARSE_BUDGET_MILLIS + " ms to parse, which happens when a syntax error sits deep "
              + "inside nested calls; check its parentheses and arguments, or split it into helper columns"));
        }
      }
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().split("\n")[0];
      if (e.getCause() != null && e.getCause().getMessage() != null) {
        why = why + ": " + e.getCause().getMessage().strip().split("\n")[0];
      }
      throw new ExprException(List.of("cannot parse '" + shorten(sql) + "': " + shorten(why)
          + "; write a single SQL expression such as CASE WHEN x > 0 THEN 'a' ELSE 'b' END"));
    } finally {
      for (ScheduledFuture<?> b : budgets) {
        b.cancel(false);
      }
    }
    if (ast == null) {
      throw new ExprException(List.of("cannot parse '" + shorten(sql) + "': the parser read no expression; simplify "
          + "it (fewer parentheses in a row), or write a single SQL expression such as CASE WHEN x > 0 THEN 'a' "
          + "ELSE 'b' END"));
    }
    return ast;
  }

  private static String shorten(String s) {
    return s.length() <= 200 ? s : s.substring(0, 197) + "...";
  }

  /** A compiled expression: its node tree is immutable and its caches are thread-safe. */
  private record Compiled(Node root, Node value, DataType type, Set<String> references) implements CompiledExpr {

    @Override
    public ExprReach reach(Function<String, Interval> columns) {
      RangeEnv env = new RangeEnv(columns);
      Interval r = converted(env.range(value), value.type, type);
      env.range(root);
      return new ExprReach(r, env.problems());
    }

    /** The value range in the column type's units (dates in days, timestamps in microseconds). */
    private static Interval converted(Interval r, DataType from, DataType to) {
      if (from == null || r.isEmpty() || from.equals(to) || from.isNumeric() && to.isNumeric()) {
        return r;
      }
      if (to.kind() == DataType.Kind.STRING) {
        return r.isText() ? r : Interval.text(CastNode.textLength(from)).assumed(r.assumed());
      }
      if (from.kind() == DataType.Kind.DATE && to.kind() == DataType.Kind.TIMESTAMP) {
        return r.mul(Interval.point(DateFunctions.MICROS_PER_DAY));
      }
      if (from.kind() == DataType.Kind.TIMESTAMP && to.kind() == DataType.Kind.DATE) {
        return Interval.of(Math.floor(r.lo() / DateFunctions.MICROS_PER_DAY),
            Math.floor(r.hi() / DateFunctions.MICROS_PER_DAY)).assumed(r.assumed());
      }
      return io.synthgen.plan.reach.TypeRange.of(to, null); // text parsed into the type, or NULL
    }

    @Override
    public String sql(io.synthgen.sql.SqlScope scope) {
      return root.sql(scope);
    }

    @Override
    public Vec evaluate(ExprInput in) {
      Vec v = root.evalOutput(in);
      // A bare column (or a no-op conversion of one) must not hand the caller an input vector to modify.
      for (String r : references) {
        if (in.column(r) == v) {
          return Vecs.copyOf(v);
        }
      }
      return v;
    }
  }
}
