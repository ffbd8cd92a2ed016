package io.synthgen.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
