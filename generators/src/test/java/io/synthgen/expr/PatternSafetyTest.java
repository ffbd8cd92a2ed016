package io.synthgen.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.DataType;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** LIKE without a regex (O(n·m) worst case); user regexps refused by shape and bounded by a read budget. */
class PatternSafetyTest {

  private static final Duration GUARD = Duration.ofSeconds(30);

  /** The regex LIKE used to compile to, as the reference the matcher must agree with. */
  private static Pattern likeRegex(String like, Character escape, boolean ignoreCase) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char ch = like.charAt(i);
      if (escape != null && ch == escape && i + 1 < like.length()) {
        b.append(Pattern.quote(String.valueOf(like.charAt(++i))));
      } else if (ch == '%') {
        b.append(".*");
      } else if (ch == '_') {
        b.append('.');
      } else {
        b.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    return Pattern.compile(b.toString(), flags);
  }

  @Test
  void manyPercentsOverALongValueAnswersAtOnce() {
    String value = "a".repeat(60);
    Fixture f = new Fixture().strings("s", value, value + "b", "x".repeat(10_000));
    List<Object> r = assertTimeoutPreemptively(GUARD,
        () -> f.values("s LIKE '%a%a%a%a%a%a%a%a%a%a%a%a%b'", DataType.BOOLEAN));
    assertEquals(Arrays.asList(false, true, false), r);
    assertEquals(Arrays.asList(false, true, false), assertTimeoutPreemptively(GUARD,
        () -> f.values("s ILIKE '%A%A%A%A%A%A%A%A%A%A%A%A%B'", DataType.BOOLEAN)));
  }

  @Test
  void likeAgreesWithTheRegexItReplacesOnRandomInputs() {
    Random rnd = new Random(7);
    char[] alphabet = {'a', 'b', 'A', '%', '_', '!', '\n', 'é', 'É'};
    for (int k = 0; k < 20_000; k++) {
      String p = random(rnd, alphabet, 6);
      String v = random(rnd, alphabet, 8);
      Character esc = rnd.nextBoolean() ? '!' : null;
      boolean ci = rnd.nextBoolean();
      boolean expected = likeRegex(p, esc, ci).matcher(v).matches();
      assertEquals(expected, new LikeMatcher(p, esc, ci).matches(v), "'" + v + "' LIKE '" + p + "' escape " + esc
          + (ci ? " ignoring case" : ""));
    }
    assertTrue(new LikeMatcher("\uD83D\uDE00_", null, false).matches("\uD83D\uDE00\uD83D\uDE01"));
    assertFalse(new LikeMatcher("__", null, false).matches("\uD83D\uDE00"));
  }

  private static String random(Random rnd, char[] alphabet, int max) {
    StringBuilder b = new StringBuilder();
    for (int i = rnd.nextInt(max + 1); i > 0; i--) {
      b.append(alphabet[rnd.nextInt(alphabet.length)]);
    }
    return b.toString();
  }

  @Test
  void nestedRepetitionsAreRefusedAtPlanTime() {
    Fixture f = new Fixture().strings("s", "aaa");
    for (String bad : List.of("(a+)+$", "(\\w*\\s)*x", "^(x+y?){2,}$", "((ab)*c)+", "(?:[a-z]+)*!", "(a{1,})+")) {
      List<String> p = f.problems("s RLIKE '" + bad.replace("'", "''") + "'", DataType.BOOLEAN);
      assertTrue(p.size() == 1 && p.get(0).contains("repeats a group that holds a repetition"), bad + ": " + p);
      List<String> q = f.problems("regexp_replace(s, '" + bad + "', '')", DataType.STRING);
      assertTrue(q.size() == 1 && q.get(0).contains("repeats a group"), bad + ": " + q);
    }
    for (String ok : List.of("[^A-Za-z]", "(ab)+", "(a+)", "(a+)?", "(a+){1}", "(a++)+", "(a+)++", "\\(a+\\)+",
        "[(a+)]+", "\\Q(a+)+\\E", "(\\d{3})-(\\d{4})", "^(a|b)*$", "(x{2})+")) {
      assertNull(Regexes.shapeProblem(ok), ok);
    }
  }

  @Test
  void aRegexThatBacktracksTooMuchStopsWithAClearError() {
    // many .* in a row is polynomial, not a nested repetition: accepted, and stopped by the read budget
    String slow = ".*a.*a.*a.*a.*a.*a.*x";
    assertNull(Regexes.shapeProblem(slow));
    Fixture f = new Fixture().strings("s", "a".repeat(10_000), "ax");
    Regexes.BudgetExceeded e = assertTimeoutPreemptively(GUARD, () -> assertThrows(Regexes.BudgetExceeded.class,
        () -> f.values("s RLIKE '" + slow + "'", DataType.BOOLEAN)));
    assertTrue(e.getMessage().contains("read more than") && e.getMessage().contains(slow), e.getMessage());
    Fixture one = new Fixture().strings("s", "ax");
    assertEquals(List.of(false), one.values("s RLIKE '" + slow + "'", DataType.BOOLEAN));
  }

  @Test
  void aConstantThatBacktracksTooMuchIsAProblemWhenCompiled() {
    List<String> p = new Fixture().problems(
        "regexp_replace('" + "a".repeat(3_000) + "', '.*a.*a.*a.*a.*a.*a.*x', '')", DataType.STRING);
    assertEquals(1, p.size(), p.toString());
    assertTrue(p.get(0).contains("read more than"), p.toString());
  }

  @Test
  void ordinaryRegexpsGiveTheSameResults() {
    Fixture f = new Fixture().strings("s", "O'Brien-Smith", "abc123", null);
    assertEquals(Arrays.asList("OBrienSmith", "abc", null), f.values("regexp_replace(s, '[^A-Za-z]', '')",
        DataType.STRING));
    assertEquals(Arrays.asList(false, true, null), f.values("s RLIKE '[0-9]+$'", DataType.BOOLEAN));
    assertNotNull(f.values("s LIKE 'O%'", DataType.BOOLEAN));
    assertEquals(Arrays.asList(true, false, null), f.values("s LIKE 'O!%%' ESCAPE '!' OR s LIKE 'O''%'",
        DataType.BOOLEAN));
  }
}
