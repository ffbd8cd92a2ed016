package io.synthgen.draft.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The tokenizer under the DDL reader: statements, lines, strings, quotes and comments of the four dialects. */
class SqlLexerTest {

  @Test
  void statementsSplitAtSemicolonsOutsideStringsQuotesAndComments() throws Exception {
    List<SqlLexer.Statement> st = SqlLexer.statements("""
        -- a comment; with a semicolon
        CREATE TABLE "a;b" (x VARCHAR(3) DEFAULT ';');
        /* block;
           comment */ COMMENT ON TABLE t IS 'it''s; fine';
        # MySQL comment;
        CREATE FUNCTION f() AS $body$ SELECT 1; $body$;
        ;
        """);
    assertEquals(3, st.size());
    assertEquals(2, st.get(0).line());
    assertEquals(4, st.get(1).line());
    assertEquals("a;b", st.get(0).tokens().get(2).value());
    assertEquals("it's; fine", st.get(1).tokens().get(5).value());
    assertEquals(6, st.get(2).line());
    assertEquals(" SELECT 1; ", st.get(2).tokens().get(st.get(2).tokens().size() - 1).value());
  }

  @Test
  void backticksAndMySqlEscapes() throws Exception {
    List<SqlLexer.Token> ts = SqlLexer.tokens("`order` 'a\\'b' 1.5e-3 <= ::");
    assertEquals(List.of("order", "a'b", "1.5e-3", "<=", "::"), ts.stream().map(SqlLexer.Token::value).toList());
  }

  @Test
  void unclosedPiecesSayWhereTheyStart() {
    SqlLexer.LexException e = assertThrows(SqlLexer.LexException.class, () -> SqlLexer.statements("a;\n\n/* x"));
    assertEquals(3, e.line);
    e = assertThrows(SqlLexer.LexException.class, () -> SqlLexer.statements("\n\"abc"));
    assertEquals(2, e.line);
  }

  /** JSqlParser reads "a IN (1, 2) AND b > 0" as "a IN ((1, 2) AND b > 0)": conditions are split first. */
  @Test
  void conditionsSplitAtTopLevelAndButNotBetweensAnd() throws Exception {
    assertEquals(List.of("status IN ('a', 'b')", "qty BETWEEN 1 AND 5", "(x > 0 AND y < 1)"),
        Checks.conjuncts("((status IN ('a', 'b') AND qty BETWEEN 1 AND 5 AND (x > 0 AND y < 1)))"));
    assertEquals(List.of("a = 1 OR b = 2 AND c = 3"), Checks.conjuncts("a = 1 OR b = 2 AND c = 3"));
  }
}
