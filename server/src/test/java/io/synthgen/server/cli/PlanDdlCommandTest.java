package io.synthgen.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.Plan;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.server.cli.CliRun.Result;
import io.synthgen.testing.Duck;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code synthgen plan --ddl FILE}: a plan drafted from DDL, printed, then generated from the printed file. */
class PlanDdlCommandTest {

  @TempDir
  Path dir;

  @Test
  void planFromDdlPrintsAPlanThatGeneratesRowsTheDdlAllows() throws Exception {
    Path ddl = dir.resolve("schema.sql");
    Files.writeString(ddl, """
        CREATE TABLE authors (
          author_id INT PRIMARY KEY,
          pen_name VARCHAR(30) NOT NULL
        );
        CREATE TABLE books (
          book_id INT PRIMARY KEY,
          author_id INT NOT NULL REFERENCES authors (author_id),
          genre VARCHAR(12) NOT NULL CHECK (genre IN ('poetry', 'novel', 'essay')),
          pages SMALLINT CHECK (pages > 0 AND pages <= 1200)
        );
        """);
    Result r = CliRun.run("plan", "--ddl", ddl.toString(), "--rows", "200", "--seed", "7");
    assertEquals(0, r.code(), r.toString());
    Plan p = PlanCodec.read(r.out());
    assertEquals(7, p.seed());
    assertEquals(200, p.table(p.mainTable()).orElseThrow().rows());
    Path plan = dir.resolve("plan.json");
    Files.writeString(plan, r.out());
    Path out = dir.resolve("out");
    Result g = CliRun.run("generate", plan.toString(), "--out", out.toString(), "--threads", "1");
    assertEquals(0, g.code(), g.toString());
    try (Duck duck = new Duck()) {
      duck.view("authors", out.resolve("authors.parquet"));
      duck.view("books", out.resolve("books.parquet"));
      assertEquals(0, duck.count("SELECT count(*) FROM books WHERE author_id NOT IN (SELECT author_id FROM authors)"));
      assertEquals(0, duck.count("SELECT count(*) FROM books WHERE genre NOT IN ('poetry', 'novel', 'essay') "
          + "OR pages <= 0 OR pages > 1200"));
    }
  }

  @Test
  void theDdlsProblemsArePrintedWithLinesAndExitCode2() throws Exception {
    Path ddl = dir.resolve("bad.sql");
    Files.writeString(ddl, "CREATE TABLE t (\n  id INT PRIMARY KEY,\n  data JSONB\n);\nDELETE FROM t;\n");
    Result r = CliRun.run("plan", "--ddl", ddl.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("ddl line 3: column t.data has type JSONB"), r.err());
    assertTrue(r.err().contains("ddl line 5: this statement is not a table definition"), r.err());
  }

  @Test
  void aTemplateAndDdlTogetherAreRefused() throws Exception {
    Path ddl = dir.resolve("s.sql");
    Files.writeString(ddl, "CREATE TABLE t (id INT PRIMARY KEY);");
    Result both = CliRun.run("plan", "retail", "--ddl", ddl.toString());
    assertEquals(2, both.code(), both.toString());
    assertTrue(both.err().contains("not several"), both.err());
    Result none = CliRun.run("plan");
    assertEquals(2, none.code(), none.toString());
    assertTrue(none.err().contains("--ddl FILE"), none.err());
  }
}
