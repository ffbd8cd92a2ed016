package io.synthgen.draft.infer;

import static io.synthgen.draft.infer.Match.ends;
import static io.synthgen.draft.infer.Match.last;
import static io.synthgen.draft.infer.Match.name;
import static io.synthgen.draft.infer.Numbers.money;
import static io.synthgen.draft.infer.Rules.N;
import static io.synthgen.draft.infer.Rules.r;
import static io.synthgen.draft.infer.When.ALWAYS;
import static io.synthgen.draft.infer.When.about;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The money rows of the rule table: a median and a ceiling per kind of amount and per kind of table. */
final class Money {

  private Money() {
  }

  /** The table has a column of each of these lists. */
  static When hasEach(String[]... lists) {
    StringBuilder doc = new StringBuilder("next to ");
    for (int i = 0; i < lists.length; i++) {
      doc.append(i == 0 ? "" : " and ").append(Match.list(lists[i]));
    }
    return new When(doc.toString(), Set.of(), c -> {
      List<String> found = new ArrayList<>();
      for (String[] names : lists) {
        String q = Sums.q(c, names);
        if (q == null) {
          return null;
        }
        found.add("'" + q.substring(1, q.length() - 1) + "'");
      }
      return "next to " + String.join(" and ", found);
    });
  }

  static void add(List<Rule> l) {
    // money that follows from its siblings comes first
    l.add(r("money.line.total", "money", name("line_total", "line_amount", "extended_price", "ext_price",
        "total_price", "line_price", "amount", "total", "total_amount", "line_subtotal", "item_total"),
        hasEach(Sums.QUANTITY, Sums.UNIT_PRICE), N, Sums.lineTotal()));
    l.add(r("money.total.sum", "money", name("total", "total_amount", "grand_total", "order_total", "amount",
        "invoice_total", "total_due", "amount_due", "total_price"), hasEach(Sums.SUBTOTAL), N, Sums.orderTotal()));
    l.add(r("money.tax.of.subtotal", "money", name(Sums.TAX), hasEach(Sums.SUBTOTAL), N, Sums.taxOfSubtotal()));
    l.add(r("money.pay.withheld", "money", name(Sums.WITHHELD), hasEach(Sums.GROSS), N, Sums.withheld()));
    l.add(r("money.pay.net", "money", name("net_pay", "net_amount", "take_home", "take_home_pay", "net_salary",
        "net_wage", "net_earnings"), hasEach(Sums.GROSS), N, Sums.netPay()));
    l.add(r("money.paid.of.due", "money", name("amount_paid", "paid_amount", "total_paid", "payment_amount",
        "paid"), hasEach(Sums.DUE), N, Sums.paidOfDue()));
    l.add(r("money.pay.gross", "money", name(Sums.GROSS).or(name("net_pay", "take_home_pay", "net_salary")),
        ALWAYS, N, money(2_500, 0.5, 50_000)));
    l.add(r("money.pay.withheld.alone", "money", name(Sums.WITHHELD), ALWAYS, N, money(500, 0.6, 20_000)));
    l.add(r("money.installment", "money", name("monthly_payment", "installment", "installment_amount", "emi",
        "monthly_installment", "payment_amount"), about("loan", "mortgage", "credit", "financing", "lease"), N,
        money(450, 0.7, 20_000)));
    l.add(r("money.income", "money", name("annual_income", "income", "household_income", "yearly_income",
        "gross_income"), ALWAYS, N, money(60_000, 0.6, 2_000_000)));
    l.add(r("money.mrr", "money", name("mrr", "monthly_revenue", "monthly_recurring_revenue"), ALWAYS, N,
        money(500, 1.2, 1_000_000)));
    l.add(r("money.arr", "money", name("arr", "annual_recurring_revenue"), ALWAYS, N, money(6_000, 1.2,
        12_000_000)));
    l.add(r("money.balance.after", "money", name("balance_after", "balance_before", "running_balance",
        "ending_balance", "opening_balance", "closing_balance"), ALWAYS, N, money(2_500, 1.2, 1_000_000)));
    l.add(r("money.wage", "money", name("hourly_rate", "pay_rate", "hourly_wage", "wage", "bill_rate", "day_rate",
        "hourly_pay"), ALWAYS, N, money(25, 0.4, 500)));
    l.add(r("money.salary", "money", last("salary", "compensation", "payroll").or(name("annual_pay", "base_pay")),
        ALWAYS, N, money(65_000, 0.35, 500_000)));
    l.add(r("money.bonus", "money", last("bonus", "commission"), ALWAYS, N, money(3_000, 0.9, 200_000)));
    l.add(r("money.price.vehicle", "money", last("price", "msrp", "value"), about("vehicle", "car", "truck"), N,
        money(28_000, 0.5, 250_000)));
    l.add(r("money.price.property", "money", last("price", "value", "rent"),
        about("property", "house", "home", "real_estate", "apartment", "unit"), N, money(350_000, 0.6, 10_000_000)));
    l.add(r("money.price.subscription", "money", last("price", "fee", "amount"),
        about("subscription", "plan", "membership"), N, money(20, 0.7, 2_000)));
    l.add(r("money.price", "money", last("price", "msrp").or(name("unit_price", "list_price", "sale_price",
        "retail_price", "price_usd")), ALWAYS, N, money(25, 0.9, 5_000)));
    l.add(r("money.cost.shipping", "money", ends("shipping_cost", "shipping_fee", "shipping", "freight",
        "delivery_fee", "shipping_amount"), ALWAYS, N, money(8, 0.5, 500)));
    l.add(r("money.cost", "money", last("cost", "cogs"), ALWAYS, N, money(12, 0.9, 3_000)));
    l.add(r("money.fee", "money", last("fee", "fees", "tax", "tip", "surcharge", "copay", "discount")
        .or(name("tax_amount", "discount_amount", "tip_amount", "fee_amount")), ALWAYS, N, money(6, 0.8, 1_000)));
    l.add(r("money.premium", "money", last("premium"), ALWAYS, N, money(150, 0.5, 5_000)));
    l.add(r("money.deductible", "money", last("deductible"), ALWAYS, N, money(1_000, 0.6, 10_000)));
    l.add(r("money.balance", "money", last("balance"), ALWAYS, N, money(2_500, 1.2, 1_000_000)));
    l.add(r("money.limit", "money", ends("credit_limit", "limit", "spending_limit"), ALWAYS, N,
        money(5_000, 0.7, 100_000)));
    String[] amount = {"amount", "total", "subtotal", "grand_total", "charge", "payment", "spend", "paid",
        "billed", "charged", "price_total", "value"};
    l.add(r("money.amount.invoice", "money", last(amount), about("invoice", "bill", "billing"), N,
        money(400, 1.0, 100_000)));
    l.add(r("money.amount.claim", "money", last(amount), about("claim", "encounter", "admission", "procedure"), N,
        money(800, 1.1, 250_000)));
    l.add(r("money.amount.loan", "money", last(amount).or(last("principal")),
        about("loan", "mortgage", "credit", "financing"), N, money(15_000, 0.8, 1_000_000)));
    l.add(r("money.amount.payment", "money", last(amount), about("transaction", "payment", "transfer", "charge",
        "refund", "purchase", "expense"), N, money(45, 1.0, 20_000)));
    l.add(r("money.amount.order", "money", last(amount), about("order", "sale", "cart", "checkout", "basket"), N,
        money(60, 0.8, 20_000)));
    l.add(r("money.amount.line", "money", last(amount), about("line", "line_item", "item", "detail"), N,
        money(30, 0.9, 10_000)));
    l.add(r("money.amount", "money", last("amount", "total", "subtotal", "grand_total", "charge", "payment",
        "spend", "billed", "charged", "price_total"), ALWAYS, N, money(50, 0.9, 20_000)));
    l.add(r("money.due", "money", name("total_due", "amount_due", "balance_due", "amount_owed", "outstanding",
        "outstanding_balance", "outstanding_amount"), ALWAYS, N, money(250, 1.0, 100_000)));
    l.add(r("money.revenue", "money", last("revenue", "sales", "income", "budget", "profit", "earnings", "gmv",
        "turnover", "arr", "mrr", "ltv", "clv").or(name("lifetime_value", "net_worth", "annual_revenue")),
        ALWAYS, N, money(5_000, 1.2, 100_000_000)));
  }
}
