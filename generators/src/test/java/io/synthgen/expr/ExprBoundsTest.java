package io.synthgen.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.DataType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expression input that once crashed the compiler (StackOverflowError, OutOfMemoryError) or passed and failed later:
 * each is now one problem that says the limit and how to stay under it. The hang guards are generous: they only
 * catch a regression to exponential or unbounded work.
 */
class ExprBoundsTest {

  private static final Duration GUARD = Duration.ofSeconds(30);

  private final Fixture f = new Fixture()
      .longs("n", DataType.BIGINT, 1L)
      .strings("s", "abc");

  private String only(String sql, DataType target) {
    List<String> p = assertTimeoutPreemptively(GUARD, () -> f.problems(sql, target));
    assertEquals(1, p.size(), p.toString());
    return p.get(0);
  }

  private static void contains(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), "'" + message + "' should mention '" + part + "'");
    }
  }

  @Test
  void a200KilobyteExpressionIsRefusedBeforeParsing() {
    String sql = "n" + " + n".repeat(50_000);
    contains(only(sql, DataType.BIGINT), "200001 characters", "limit of " + ExprLimits.MAX_LENGTH, "helper columns");
  }

  @Test
  void a5000DeepNestingIsRefusedBeforeParsing() {
    String sql = "(".repeat(5_000) + "n" + ")".repeat(5_000);
    contains(only(sql, DataType.BIGINT), "10001 characters", "limit of " + ExprLimits.MAX_LENGTH);
    String within = "(".repeat(1_000) + "n" + ")".repeat(1_000);
    contains(only(within, DataType.BIGINT), "1000 deep", "limit of " + ExprLimits.MAX_NESTING);
    String cases = "CASE WHEN n > 0 THEN ".repeat(100) + "1" + " END".repeat(100);
    contains(only(cases, DataType.BIGINT), "100 deep");
  }

  @Test
  void nestingAtTheLimitCompiles() {
    int deep = ExprLimits.MAX_NESTING;
    for (String sql : List.of("(".repeat(16) + "n" + ")".repeat(16), "(1 + ".repeat(deep) + "n" + ")".repeat(deep),
        "abs(".repeat(deep) + "n" + ")".repeat(deep),
        "CASE WHEN n > 0 THEN ".repeat(deep) + "1" + " END".repeat(deep),
        "(".repeat(deep / 2) + "n + (" .repeat(deep / 2) + "n" + ")".repeat(deep))) {
      assertTimeoutPreemptively(GUARD, () -> ExprCompiler.compile(sql, DataType.BIGINT, f));
    }
  }

  /** JSqlParser answered null for 17 parentheses in a row, and the compiler failed on the null. */
  @Test
  void manyParenthesesInARowAreAProblemNotANullPointer() {
    contains(only("(".repeat(17) + "n" + ")".repeat(17), DataType.BIGINT), "17 parentheses in a row",
        "remove the redundant ones");
    contains(only("abs(( ( (" + "(".repeat(13) + "n" + ")".repeat(18), DataType.BIGINT), "17 parentheses in a row");
  }

  /** Found by ExprFuzzTest: JSqlParser backtracked for about 6 s before failing on this 120-character text. */
  @Test
  void aMalformedTextThatMakesTheParserBacktrackIsCutAtTheBudget() {
    String sql = "(ln(power((n % a), 100000000, TRUE)) - (right(d, trim(s, n, 2147483647), (DATE '9999-12-31' / 0))"
        + " + (d = -100000000)))";
    String p = only(sql, DataType.STRING);
    assertTrue(p.contains("took more than " + ExprLimits.PARSE_BUDGET_MILLIS + " ms to parse")
        || p.startsWith("cannot parse"), p);
  }

  @Test
  void nestingInsideQuotesDoesNotCount() {
    assertEquals(0, ExprLimits.nesting("'((((((' || \"case\" || `(`"));
    assertEquals(2, ExprLimits.nesting("CASE WHEN (n > 0) THEN 1 END"));
    assertEquals(1, ExprLimits.nesting("upper(s) || 'end'"));
  }

  @Test
  void longOperatorChainsWithinTheLengthAreRefusedByTreeDepth() {
    String sql = "n" + " + n".repeat((ExprLimits.MAX_LENGTH - 1) / 4);
    contains(only(sql, DataType.BIGINT), "more than " + ExprLimits.MAX_TREE_DEPTH + " operations deep");
    only("NOT ".repeat(900) + "n > 0", DataType.BOOLEAN); // one clean problem, whatever the parser says
    only("- ".repeat(1_900) + "n", DataType.BIGINT);
  }

  @Test
  void padToTwoBillionIsRefusedWithoutAllocating() {
    contains(only("lpad(s, 2000000000)", DataType.STRING), "lpad()", "2000000000",
        "at most " + ExprLimits.MAX_STRING_LENGTH);
    contains(only("rpad('x', 2000000000, '*')", DataType.STRING), "rpad()", "2000000000");
    contains(only("lpad(s, 2e9)", DataType.STRING), "lpad()", "2000000000");
  }

  @Test
  void foldingThatWouldGrowAStringPastTheLimitIsRefused() {
    contains(only("replace(lpad('a', 10000, 'a'), 'a', 'bbbb')", DataType.STRING), "replace()", "40000 characters");
    contains(only("lpad('a', 9000, 'a') || lpad('b', 9000, 'b')", DataType.STRING), "18000 characters");
    contains(only("concat_ws('-', lpad('a', 6000, 'a'), lpad('b', 6000, 'b'))", DataType.STRING),
        "12001 characters");
  }

  @Test
  void aReplacementNamingAMissingGroupIsAProblem() {
    contains(only("regexp_replace(s, '(a)(b)', '$5')", DataType.STRING), "group $5", "has 2 groups", "$0 to $2");
    contains(only("regexp_replace(s, '(a)', '${name}')", DataType.STRING), "${name}", "no named groups");
    contains(only("regexp_replace(s, '(?<x>a)', '${y}')", DataType.STRING), "${y}", "named groups x");
    contains(only("regexp_replace(s, 'a', 'cost $')", DataType.STRING), "lone $");
    contains(only("regexp_replace(s, '(a', 'b')", DataType.STRING), "not a valid Java regular expression");
  }

  @Test
  void validReplacementsStillCompile() throws ExprException {
    for (String sql : List.of("regexp_replace(s, '(a)(b)', '$2$1')", "regexp_replace(s, '(?<x>a)', '${x}-')",
        "regexp_replace(s, '[^a-z]', '')", "regexp_replace(s, 'a', '\\$')", "regexp_replace(s, '(a)', '$10')")) {
      ExprCompiler.compile(sql, DataType.STRING, f);
    }
  }

  @Test
  void replacementSyntaxMatchesJava() {
    java.util.regex.Pattern p = java.util.regex.Pattern.compile("(a)(b)(?<c>c)");
    for (String rep : List.of("$1", "$3$2", "${c}", "\\$", "$12", "x\\\\y", "$4", "${d}", "$", "\\", "$x")) {
      String ours = Replacement.check(rep, p);
      boolean javaAccepts;
      try {
        p.matcher("abc").replaceAll(rep);
        javaAccepts = true;
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        javaAccepts = false;
      }
      assertEquals(javaAccepts, ours == null, rep + ": " + ours);
    }
  }
}
