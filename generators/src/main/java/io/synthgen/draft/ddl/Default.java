package io.synthgen.draft.ddl;

import io.synthgen.draft.ddl.SqlLexer.Kind;
import io.synthgen.draft.ddl.SqlLexer.Token;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * A column's DEFAULT clause, read with the tokenizer: a literal (a number as BigDecimal, a string, true or false;
 * PostgreSQL casts such as {@code 'new'::character varying} dropped), a sequence ({@code nextval(...)}), a UUID
 * function, or anything else (kept as text for the note).
 *
 * @param sql the clause as written, or null when there is none
 * @param literal the literal value, or null
 */
record Default(String sql, Object literal, boolean isSequence, boolean isUuid) {

  static Default of(String sql) {
    if (sql == null) {
      return new Default(null, null, false, false);
    }
    List<Token> ts;
    try {
      ts = SqlLexer.tokens(sql);
    } catch (SqlLexer.LexException e) {
      return new Default(sql, null, false, false);
    }
    while (ts.size() > 2 && ts.get(0).isPunct("(") && Tokens.close(ts, 0) == ts.size() - 1) {
      ts = ts.subList(1, ts.size() - 1);
    }
    int end = ts.size();
    for (int k = 0; k < ts.size(); k++) {
      if (ts.get(k).isPunct("::")) {
        end = k;
        break;
      }
    }
    ts = ts.subList(0, end);
    if (ts.isEmpty()) {
      return new Default(sql, null, false, false);
    }
    String first = ts.get(0).text().toLowerCase(Locale.ROOT);
    if (first.equals("nextval")) {
      return new Default(sql, null, true, false);
    }
    if (first.equals("gen_random_uuid") || first.equals("uuid") || first.equals("uuid_generate_v4")
        || first.equals("uuid_string") || first.equals("newid")) {
      return new Default(sql, null, false, true);
    }
    Object lit = null;
    if (ts.size() == 1) {
      Token t = ts.get(0);
      if (t.kind() == Kind.STRING) {
        lit = t.value();
      } else if (t.kind() == Kind.NUMBER) {
        lit = number(t.text());
      } else if (t.is("TRUE") || t.is("FALSE")) {
        lit = t.is("TRUE");
      }
    } else if (ts.size() == 2 && (ts.get(0).is("b") || ts.get(0).is("x") || ts.get(0).is("N") || ts.get(0).is("E"))
        && ts.get(1).kind() == Kind.STRING) {
      lit = ts.get(1).value(); // MySQL b'0', x'..', N'..', PostgreSQL E'..'
    } else if (ts.size() == 2 && ts.get(0).isPunct("-") && ts.get(1).kind() == Kind.NUMBER) {
      BigDecimal n = number(ts.get(1).text());
      lit = n == null ? null : n.negate();
    }
    return new Default(sql, lit, false, false);
  }

  /** True when the clause is DEFAULT NULL. */
  boolean isNull() {
    return sql != null && sql.strip().equalsIgnoreCase("NULL");
  }

  /** True when the literal means true (TRUE, 1, '1', 't', 'true', b'1'). */
  boolean isTrue() {
    String s = String.valueOf(literal).toLowerCase(Locale.ROOT);
    return s.equals("true") || s.equals("1") || s.equals("t") || s.equals("y") || s.equals("yes");
  }

  private static BigDecimal number(String s) {
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
