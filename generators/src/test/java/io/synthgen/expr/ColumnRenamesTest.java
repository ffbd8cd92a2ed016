package io.synthgen.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Column references are renamed where the parser finds them; nothing else in the text changes. */
class ColumnRenamesTest {

  static String bare(String sql, String from, String to) throws ExprException {
    return ColumnRenames.rename(sql, r -> r.table() == null && r.column().equalsIgnoreCase(from)
        ? new ColumnRenames.Ref(null, to) : r);
  }

  static String table(String sql, String from, String to) throws ExprException {
    return ColumnRenames.rename(sql, r -> r.table() != null && r.table().equalsIgnoreCase(from)
        ? new ColumnRenames.Ref(to, r.column()) : r);
  }

  @Test
  void onlyReferencesChange() throws Exception {
    assertEquals("qty * unit_price", bare("quantity * unit_price", "quantity", "qty"));
    assertEquals("'quantity' || quantity_x || CAST(qty AS STRING)",
        bare("'quantity' || quantity_x || CAST(quantity AS STRING)", "quantity", "qty"));
    assertEquals("lower(n) || n", bare("lower(lower) || lower", "lower", "n"), "a function's name is no reference");
    assertEquals("CASE WHEN\tqty >\n 3 THEN qty ELSE -qty END",
        bare("CASE WHEN\tQuantity >\n 3 THEN \"quantity\" ELSE -`quantity` END", "quantity", "qty"));
    assertEquals("purchases.total + orders_total + 'orders.total'",
        table("orders.total + orders_total + 'orders.total'", "orders", "purchases"));
    assertEquals("coalesce(purchases.total, total)", table("coalesce(orders . total, total)", "orders", "purchases"));
  }

  @Test
  void anExpressionThatDoesNotParseIsRefused() {
    assertThrows(ExprException.class, () -> bare("quantity * (", "quantity", "qty"));
  }

  @Test
  void aKeywordOrLiteralAsTheNewNameIsBackQuotedInEveryPlace() throws Exception {
    assertEquals("`null` + 1", bare("a + 1", "a", "null"));
    assertEquals("NOT `true`", bare("NOT flag", "flag", "true"));
    assertEquals("`select`.score + 1", table("orders.score + 1", "orders", "select"));
    assertEquals("`case` + 1", bare("a + 1", "a", "case"));
    assertEquals("plain + 1", bare("a + 1", "a", "plain"), "an ordinary name stays unquoted");
    List<String> wrong = new ArrayList<>();
    assertTrue(ColumnRenames.KEYWORDS.size() > 50, ColumnRenames.KEYWORDS.toString());
    for (String kw : ColumnRenames.KEYWORDS) {
      for (String name : List.of(kw.toLowerCase(Locale.ROOT), kw)) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          continue; // not a plan identifier
        }
        for (String sql : List.of("a + 1", "NOT a", "CASE WHEN a THEN 1 ELSE a END", "a IS NULL", "coalesce(a, 0)",
            "a BETWEEN 1 AND 2", "-a", "a || 'x'")) {
          String out = bare(sql, "a", name);
          List<ColumnRenames.Ref> refs = ColumnRenames.refs(out);
          if (refs.isEmpty() || !refs.stream().allMatch(r -> r.table() == null && r.column().equals(name))) {
            wrong.add(sql + " -> " + out + " reads " + refs);
          }
        }
        String q = table("t.a + 1", "t", name);
        if (!ColumnRenames.refs(q).equals(List.of(new ColumnRenames.Ref(name, "a")))) {
          wrong.add("t.a + 1 -> " + q + " reads " + ColumnRenames.refs(q));
        }
      }
    }
    assertEquals(List.of(), wrong);
  }
}
