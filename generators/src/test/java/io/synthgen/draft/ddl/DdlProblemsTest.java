package io.synthgen.draft.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a DDL script cannot say in a plan: reported all at once, each at its line, with a fix; and the limits. */
class DdlProblemsTest {

  @TempDir
  Path dir;

  static List<Violation> problems(String ddl) {
    return assertThrows(PlanException.class, () -> DdlRuns.plan(ddl)).violations();
  }

  static Violation at(List<Violation> vs, int line, String ruleFragment) {
    for (Violation v : vs) {
      if (v.path().equals("ddl line " + line) && v.rule().contains(ruleFragment)) {
        return v;
      }
    }
    throw new AssertionError("no violation at line " + line + " containing '" + ruleFragment + "' in:\n  "
        + vs.stream().map(Violation::toString).collect(Collectors.joining("\n  ")));
  }

  @Test
  void everyProblemOfTheScriptIsReportedAtOnceAtItsLine() {
    List<Violation> vs = problems("""
        CREATE TABLE a (
          id BIGINT PRIMARY KEY,
          payload JSONB,
          shape GEOGRAPHY,
          span INTERVAL,
          x INT CHECK (x NOT IN (1, 2)),
          y INT CHECK (y > x),
          z INT CHECK (z > 5 AND z < 3)
        );
        INSERT INTO a VALUES (1);
        CREATE VIEW v AS SELECT * FROM a;
        CREATE TABLE b (
          id BIGINT PRIMARY KEY,
          a_id BIGINT REFERENCES missing (id),
          p INT, q INT,
          FOREIGN KEY (p, q) REFERENCES a (id, x),
          kind VARCHAR(3) CHECK (kind IN ('small', 'big'))
        );
        """);
    at(vs, 3, "semi-structured types have no plan type");
    at(vs, 4, "has type GEOGRAPHY");
    at(vs, 5, "times of day and intervals");
    at(vs, 6, "NOT IN");
    at(vs, 7, "compares something other than one column with a literal");
    at(vs, 8, "allow no int value");
    at(vs, 10, "not a table definition");
    at(vs, 11, "not a table definition");
    at(vs, 14, "references table missing, which the DDL does not create");
    at(vs, 16, "a foreign key over 2 columns");
    Violation tooLong = at(vs, 17, "longer than the 3 characters");
    assertTrue(tooLong.fix().contains("widen"), tooLong.toString());
    for (Violation v : vs) {
      assertTrue(v.fix() != null && !v.fix().isBlank(), "every problem has a fix: " + v);
    }
    assertEquals(11, vs.size(), vs.toString());
  }

  @Test
  void aSyntaxErrorIsReportedAtTheDefinitionThatHasIt() {
    List<Violation> vs = problems("""
        CREATE TABLE a (
          id BIGINT PRIMARY KEY,
          CONSTRAINT c UNIQUE ()
        );
        """);
    at(vs, 3, "cannot parse this definition in a");
  }

  @Test
  void anUnclosedStringIsReportedAtTheLineItStarts() {
    List<Violation> vs = problems("CREATE TABLE a (\n  id INT,\n  s VARCHAR(3) DEFAULT 'x\n);\n");
    at(vs, 3, "never closed");
  }

  @Test
  void aCycleThroughNullableKeysIsBrokenAtOneOfThemAndTheDataHasNoOrphans() throws Exception {
    String ddl = """
        CREATE TABLE departments (
          dept_id INT PRIMARY KEY,
          head_employee_id INT REFERENCES employees (emp_id)
        );
        CREATE TABLE employees (
          emp_id INT PRIMARY KEY,
          dept_id INT NOT NULL REFERENCES departments (dept_id),
          manager_id INT REFERENCES employees (emp_id)
        );
        """;
    Plan p = DdlRuns.runAndCheck(ddl, dir.resolve("out"));
    assertEquals(List.of("departments", "employees"), p.tables().stream().map(io.synthgen.plan.Table::name).toList());
    var head = PostgresDdlTest.col(p, "departments", "head_employee_id");
    assertEquals(1.0, head.nullRate());
    assertTrue(head.note().contains("breaks the cycle"), head.note());
    assertInstanceOf(ColumnGen.ForeignKey.class, PostgresDdlTest.col(p, "employees", "manager_id").gen(),
        "a key into its own table is no cycle");
  }

  /** user_profiles.user_id is the key and references users: one profile per user, each user's key once. */
  @Test
  void aPrimaryKeyThatIsAForeignKeyGivesOneRowPerParent() throws Exception {
    String ddl = """
        CREATE TABLE users (user_id BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 10) PRIMARY KEY, name TEXT);
        CREATE TABLE user_profiles (
          user_id BIGINT PRIMARY KEY REFERENCES users (user_id),
          bio VARCHAR(200)
        );
        """;
    Plan p = DdlRuns.runAndCheck(ddl, dir.resolve("out"));
    assertEquals(p.table("users").orElseThrow().rows(), p.table("user_profiles").orElseThrow().rows());
    assertEquals(new ColumnGen.Sequence(10, 1), PostgresDdlTest.col(p, "user_profiles", "user_id").gen());
    try (io.synthgen.testing.Duck duck = new io.synthgen.testing.Duck()) {
      duck.view("u", dir.resolve("out/users.parquet"));
      duck.view("up", dir.resolve("out/user_profiles.parquet"));
      assertEquals(0, duck.count("SELECT count(*) FROM up WHERE user_id NOT IN (SELECT user_id FROM u)"));
      assertEquals(duck.count("SELECT count(*) FROM u"), duck.count("SELECT count(DISTINCT user_id) FROM up"));
    }
  }

  @Test
  void aCycleThroughNotNullKeysIsRefusedWithTheFix() {
    List<Violation> vs = problems("""
        CREATE TABLE a (id INT PRIMARY KEY, b_id INT NOT NULL REFERENCES b (id));
        CREATE TABLE b (id INT PRIMARY KEY, a_id INT NOT NULL REFERENCES a (id));
        """);
    Violation v = at(vs, 1, "cycle through NOT NULL foreign keys (a -> b -> a)");
    assertTrue(v.fix().contains("nullable"), v.toString());
  }

  /** A CHECK on a foreign key holds when the parent's keys do; otherwise it is refused, not dropped. */
  @Test
  void checksOnForeignKeysAreKeptOrRefused() throws Exception {
    String ok = """
        CREATE TABLE p (id INT PRIMARY KEY);
        CREATE TABLE c (id INT PRIMARY KEY, p_id INT NOT NULL CHECK (p_id > 0) REFERENCES p (id));
        """;
    DdlRuns.runAndCheck(ok, dir.resolve("ok"));
    List<Violation> vs = problems("""
        CREATE TABLE p (id INT PRIMARY KEY);
        CREATE TABLE c (
          id INT PRIMARY KEY,
          p_id INT NOT NULL CHECK (p_id <= 10) REFERENCES p (id),
          q_id INT CHECK (q_id IN (1, 2)) REFERENCES p (id)
        );
        """);
    at(vs, 4, "does not hold for every key of p.id");
    at(vs, 5, "lists values for the foreign key q_id");
  }

  @Test
  void aKeyMadeOnlyOfForeignKeysIsRefused() {
    List<Violation> vs = problems("""
        CREATE TABLE tags (tag_id INT PRIMARY KEY);
        CREATE TABLE posts (post_id INT PRIMARY KEY);
        CREATE TABLE post_tags (
          post_id INT REFERENCES posts,
          tag_id INT REFERENCES tags,
          PRIMARY KEY (post_id, tag_id)
        );
        """);
    at(vs, 6, "cannot be made unique");
  }

  @Test
  void theScriptsLengthAndStatementCountAreBounded() {
    List<Violation> big = problems("-- " + "x".repeat(DdlLimits.MAX_DDL_LENGTH));
    assertEquals(1, big.size());
    assertTrue(big.get(0).rule().contains("more than 1,000,000 characters"), big.toString());
    List<Violation> many = problems("CREATE TABLE t (a INT);\n".repeat(DdlLimits.MAX_STATEMENTS + 1));
    assertEquals(1, many.size());
    assertEquals("ddl line " + (DdlLimits.MAX_STATEMENTS + 1), many.get(0).path());
    assertTrue(many.get(0).rule().contains("more than 5,000 statements"), many.toString());
  }

  /** The expression JSqlParser backtracks on for seconds (found by ExprFuzzTest), inside a CHECK. */
  @Test
  void aConditionThatMakesTheParserBacktrackIsCutAtTheBudget() {
    String hostile = "(ln(power((n % a), 100000000, TRUE)) - (right(d, trim(s, n, 2147483647), (DATE '9999-12-31' "
        + "/ 0)) + (d = -100000000)))";
    List<Violation> vs = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> problems("CREATE TABLE t (\n  n INT CHECK (" + hostile + " > 0)\n);"));
    Violation v = vs.get(0);
    assertTrue(v.path().equals("ddl line 1") || v.path().equals("ddl line 2"), v.toString());
    assertTrue(v.rule().contains("took more than " + DdlLimits.PARSE_BUDGET_MILLIS + " ms to parse")
        || v.rule().contains("cannot parse") || v.rule().contains("is not"), v.toString());
  }

  @Test
  void anEmptyScriptOrOneWithoutTablesIsRefused() {
    assertTrue(problems("  ").get(0).rule().contains("empty"));
    assertTrue(problems("SET search_path = public;").get(0).rule().contains("creates no table"));
  }

  @Test
  void anAlterTableThatChangesColumnsIsRefusedAtItsLine() {
    List<Violation> vs = problems("""
        CREATE TABLE t (id int PRIMARY KEY, s varchar(50) NOT NULL, n bigint NOT NULL, old_name varchar(5));
        ALTER TABLE t ALTER COLUMN s TYPE varchar(3);
        ALTER TABLE t DROP COLUMN n;
        ALTER TABLE t RENAME COLUMN old_name TO new_name;
        ALTER TABLE t RENAME TO t2;
        ALTER TABLE t ALTER COLUMN s SET DATA TYPE varchar(2), ALTER COLUMN s SET NOT NULL;
        ALTER TABLE t ALTER COLUMN s SET DEFAULT 'x';
        ALTER TABLE t OWNER TO app;
        ALTER TABLE ONLY t ALTER COLUMN id SET DEFAULT nextval('t_id_seq'::regclass);
        """);
    at(vs, 2, "TYPE");
    at(vs, 3, "DROP");
    at(vs, 4, "RENAME");
    at(vs, 5, "RENAME");
    at(vs, 6, "TYPE");
    at(vs, 7, "SET DEFAULT");
    assertEquals(6, vs.size(), vs.toString());
  }

  @Test
  void aByteOrderMarkAtTheStartIsSkipped() throws Exception {
    Plan p = DdlRuns.plan("\uFEFFCREATE TABLE a (id int PRIMARY KEY, s text);");
    assertEquals("id", p.table("a").orElseThrow().primaryKey());
  }

  @Test
  void aForeignKeyShorterThanItsParentsKeyIsRefusedAtItsLine() throws Exception {
    List<Violation> vs = problems("""
        CREATE TABLE a (id varchar(36) PRIMARY KEY);
        CREATE TABLE b (id int PRIMARY KEY, a_id varchar(10) NOT NULL REFERENCES a(id));
        CREATE TABLE c (code text PRIMARY KEY);
        CREATE TABLE d (id int PRIMARY KEY,
          c_code text NOT NULL REFERENCES c(code) CHECK (length(c_code) <= 8));
        """);
    assertTrue(at(vs, 2, "holds at most 10 characters").fix().contains("VARCHAR(36)"));
    at(vs, 5, "holds at most 8 characters");
    assertEquals(2, vs.size(), vs.toString());
    // as long as the parent's key (a UUID): accepted, and the rows fit
    DdlRuns.runAndCheck("""
        CREATE TABLE a (id text PRIMARY KEY);
        CREATE TABLE b (id int PRIMARY KEY, a_id varchar(36) NOT NULL REFERENCES a(id));
        """, dir.resolve("fit"));
  }

  @Test
  void anIntForeignKeyToABigintKeyTakesTheKeysThatFitOrIsRefusedAtItsLine() throws Exception {
    Plan p = DdlRuns.runAndCheck("""
        CREATE TABLE a (id bigserial PRIMARY KEY);
        CREATE TABLE b (id serial PRIMARY KEY, a_id integer NOT NULL REFERENCES a(id),
          s_id smallint REFERENCES a(id));
        """, dir.resolve("narrow"));
    assertEquals(io.synthgen.plan.DataType.INT, p.table("b").orElseThrow().column("a_id").orElseThrow().type());
    // scaled so far that the parent's keys leave int: refused when resolved, never written as NULL keys
    Plan wide = DdlRuns.plan("""
        CREATE TABLE a (id bigserial PRIMARY KEY);
        CREATE TABLE b (id bigserial PRIMARY KEY, a_id integer NOT NULL REFERENCES a(id));
        """);
    Plan huge = io.synthgen.template.Scaling.scale(wide, 3_000_000_000L);
    io.synthgen.plan.PlanException e = org.junit.jupiter.api.Assertions.assertThrows(
        io.synthgen.plan.PlanException.class, () -> io.synthgen.resolve.Resolver.resolve(huge));
    assertTrue(e.getMessage().contains("outside its type int"), e.getMessage());
    List<Violation> vs = problems("""
        CREATE TABLE a (id bigint GENERATED ALWAYS AS IDENTITY (START WITH 3000000000) PRIMARY KEY);
        CREATE TABLE b (id int PRIMARY KEY,
          a_id int NOT NULL REFERENCES a(id));
        """);
    assertTrue(at(vs, 3, "reach").fix().contains("BIGINT"), vs.toString());
  }
}
