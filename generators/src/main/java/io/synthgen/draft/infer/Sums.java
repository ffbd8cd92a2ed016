package io.synthgen.draft.infer;

import io.synthgen.plan.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Money that follows from its siblings: a line's total is its quantity times its unit price, an order's total its
 * subtotal plus tax and shipping less its discount (never below zero, never below the subtotal when nothing is
 * taken off), a net pay the gross less the tax withheld, an amount paid at most the amount due.
 */
final class Sums {

  static final String[] QUANTITY = {"quantity", "qty", "units", "quantity_ordered", "qty_ordered"};
  static final String[] UNIT_PRICE = {"unit_price", "price", "unit_cost", "price_each", "item_price", "sale_price",
      "list_price"};
  static final String[] SUBTOTAL = {"subtotal", "sub_total", "subtotal_amount", "net_amount", "items_total"};
  static final String[] TAX = {"tax", "tax_amount", "sales_tax", "vat", "vat_amount", "tax_total"};
  static final String[] SHIPPING = {"shipping", "shipping_cost", "shipping_fee", "shipping_amount", "freight",
      "delivery_fee", "handling"};
  static final String[] DISCOUNT = {"discount", "discount_amount", "discount_total", "coupon_amount"};
  static final String[] GROSS = {"gross_pay", "gross_amount", "gross", "gross_salary", "gross_wage"};
  static final String[] WITHHELD = {"tax_withheld", "taxes_withheld", "withholding", "tax_deducted",
      "withholding_tax", "income_tax", "taxes", "deductions"};
  static final String[] DUE = {"amount_due", "total_due", "balance_due", "total_amount", "total", "invoice_total",
      "amount_billed", "billed_amount"};

  private Sums() {
  }

  static String q(Clues c, String[] names) {
    for (String n : names) {
      if (c.hasSibling(n)) {
        return "`" + c.sibling(n) + "`";
      }
    }
    return null;
  }

  static DataType money(Clues c, int precision) {
    return c.declared() != null && c.declared().isNumeric() ? c.declared() : DataType.decimal(precision, 2);
  }

  private static Inferred expr(Clues c, int precision, String what, String e) {
    DataType t = money(c, precision);
    String body = t.kind() == DataType.Kind.DECIMAL || t.isIntegral() ? "CAST(" + e + " AS " + t + ")" : e;
    Inferred inf = new Inferred(t, "expression", t + " " + what);
    inf.fields().put("expr", body);
    return inf;
  }

  /** quantity × unit_price, rounded to the cent. */
  static Template lineTotal() {
    return new Template("`quantity * unit_price`, rounded to the cent", c -> expr(c, 12,
        q(c, QUANTITY) + " × " + q(c, UNIT_PRICE), "round(" + q(c, QUANTITY) + " * " + q(c, UNIT_PRICE) + ", 2)"));
  }

  /** subtotal + tax + shipping − discount, at least 0. */
  static Template orderTotal() {
    return new Template("`subtotal` plus the tax and shipping, less the discount, that the table has", c -> {
      List<String> plus = new ArrayList<>();
      plus.add(q(c, SUBTOTAL));
      for (String[] part : List.of(TAX, SHIPPING)) {
        String p = q(c, part);
        if (p != null) {
          plus.add("coalesce(" + p + ", 0)");
        }
      }
      String sum = String.join(" + ", plus);
      String d = q(c, DISCOUNT);
      String e = d == null ? sum : "greatest(" + sum + " - coalesce(" + d + ", 0), 0)";
      return expr(c, 12, "= " + e.replace("coalesce(", "").replace(", 0)", ""), e);
    });
  }

  /** Tax of 5–10% of the subtotal. */
  static Template taxOfSubtotal() {
    return new Template("5–10% of `subtotal`", c -> expr(c, 12, "5–10% of " + q(c, SUBTOTAL),
        "round(" + q(c, SUBTOTAL) + " * (0.05 + rand() * 0.05), 2)"));
  }

  /** 15–30% of the gross pay. */
  static Template withheld() {
    return new Template("15–30% of `gross_pay`", c -> expr(c, 12, "15–30% of " + q(c, GROSS),
        "round(" + q(c, GROSS) + " * (0.15 + rand() * 0.15), 2)"));
  }

  /** gross − withheld, or 70–85% of the gross when the table holds no tax. */
  static Template netPay() {
    return new Template("`gross_pay - tax_withheld` (70–85% of the gross without one)", c -> {
      String w = q(c, WITHHELD);
      String g = q(c, GROSS);
      return w != null ? expr(c, 12, "= " + g + " − " + w, g + " - coalesce(" + w + ", 0)")
          : expr(c, 12, "70–85% of " + g, "round(" + g + " * (0.7 + rand() * 0.15), 2)");
    });
  }

  /** The whole amount due in 80% of rows, part of it in the rest. */
  static Template paidOfDue() {
    return new Template("all of `amount_due` in 80% of rows, part of it otherwise", c -> {
      String due = q(c, DUE);
      return expr(c, 12, "at most " + due + " (all of it in 80% of rows)",
          "CASE WHEN rand() < 0.8 THEN " + due + " ELSE round(" + due + " * rand(), 2) END");
    });
  }
}
