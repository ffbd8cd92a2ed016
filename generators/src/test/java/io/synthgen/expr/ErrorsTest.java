package io.synthgen.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.DataType;
import io.synthgen.vec.StrVec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorsTest {

  private final Fixture f = new Fixture()
      .longs("customer_id", DataType.BIGINT, 1L)
      .strings("first_name", "A")
      .longs("order_date", DataType.DATE, 0L)
      .dictionary("first_names", "Ann")
      .dictionary("last_names", "Lee")
      .parent("customers", "loyalty_tier", DataType.STRING, StrVec.plain(new String[] {"Gold"}, 1));

  private String only(String sql) {
    List<String> p = f.problems(sql, DataType.STRING);
    assertEquals(1, p.size(), p.toString());
    return p.get(0);
  }

  private static void contains(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), "'" + message + "' should mention '" + part + "'");
    }
  }

  @Test
  void unknownColumnSuggestsAndListsColumns() {
    contains(only("custmer_id + 1"), "unknown column 'custmer_id'", "did you mean 'customer_id'?",
        "columns are: customer_id, first_name, order_date");
  }

  @Test
  void unknownParentNamesSuggest() {
    contains(only("customers.loyalty_teir"), "unknown column 'loyalty_teir' in parent table 'customers'",
        "did you mean 'loyalty_tier'?");
    contains(only("custmers.loyalty_tier"), "unknown parent table 'custmers'", "did you mean 'customers'?");
    contains(only("a.b.c"), "too many parts");
  }

  @Test
  void unknownFunctionSuggests() {
    contains(only("rnd()"), "unknown function 'rnd'", "did you mean 'rand'");
    contains(only("lowr(first_name)"), "did you mean 'lower'?");
  }

  @Test
  void wrongArity() {
    contains(only("round(1, 2, 3)"), "function 'round' takes 1 to 2 arguments, got 3", "round(x[, digits])");
    contains(only("rand(42)"), "function 'rand' takes 0 arguments, got 1");
    contains(only("upper()"), "function 'upper' takes 1 argument, got 0");
  }

  @Test
  void typeMismatches() {
    contains(only("first_name * 2"), "operator '*' needs numbers, got string and int");
    contains(only("first_name + 'x'"), "join strings with || or concat()");
    contains(only("customer_id = 'x'"), "cannot compare bigint with string");
    contains(only("CASE WHEN customer_id THEN 1 END"), "needs a boolean condition, got bigint");
    contains(only("CASE WHEN TRUE THEN 1 ELSE 'a' END"), "CASE branches mix int and string");
    contains(only("sqrt(first_name)"), "sqrt(): argument 1 must be a number, got string");
    contains(only("date_add(order_date, 1.5)"), "date_add(): argument 2 must be an integer, got decimal(2,1)");
    contains(only("order_date > '2024-13-01'"), "'2024-13-01' is not a valid date");
    contains(only("CAST(order_date AS BIGINT)"), "cannot CAST date AS bigint", "datediff");
    contains(only("CAST(customer_id AS varchar(10))"), "unknown type 'varchar (10)'", "bigint, int, double");
    contains(only("order_date - order_date"), "datediff(end, start)");
    List<String> p = f.problems("first_name", DataType.BIGINT);
    contains(p.get(0), "the expression gives string but the column is bigint", "CAST(... AS bigint)");
  }

  @Test
  void forbiddenConstructs() {
    contains(only("current_date"), "reference_date()");
    contains(only("now()"), "reference_date()");
    contains(only("CURRENT_TIMESTAMP"), "reference_date()");
    contains(only("sum(customer_id)"), "aggregate", "one row");
    contains(only("max(customer_id)"), "greatest(a, b)");
    contains(only("row_number() OVER (ORDER BY customer_id)"), "window function");
    contains(only("(SELECT 1)"), "subquery");
    contains(only("customer_id IN (SELECT 1)"), "subquery");
    contains(only("EXISTS (SELECT 1)"), "subquery");
    contains(only("order_date + INTERVAL 1 DAY"), "INTERVAL is not supported", "date_add");
    contains(only("customer_id & 1"), "is not supported", "docs/expressions.md");
    contains(only("?"), "parameter");
    contains(only("customer_id +"), "cannot parse");
    contains(only("customer_id AS x"), "cannot parse");
    contains(only("reference_date"), "reference_date(...)");
  }

  @Test
  void randomParametersMustBeConstant() {
    contains(only("rand_normal(customer_id, 1)"), "rand_normal(): argument 1 must be a constant",
        "rand_normal(mean, stddev)");
    contains(only("rand_int(1, customer_id)"), "must be a constant");
    contains(only("rand_normal(0, -1)"), "stddev must be >= 0");
    contains(only("rand_weighted('a', 1, 'b')"), "value, weight pairs");
    contains(only("rand_choice('a', first_name)"), "must be a constant");
    contains(only("dict('first_nams')"), "unknown dictionary 'first_nams'", "did you mean 'first_names'?",
        "dictionaries are: first_names, last_names");
    contains(only("substr(first_name, customer_id)"), "must be a constant");
    contains(only("regexp_replace(first_name, '(', 'x')"), "not a valid Java regular expression");
    contains(only("first_name LIKE first_name"), "constant string pattern");
    contains(only("date_trunc('fortnight', order_date)"), "unknown unit 'fortnight'", "year, quarter, month");
  }

  @Test
  void allProblemsAreReportedAtOnce() {
    List<String> p = f.problems("custmer_id + lowr(first_name) + round(1, 2, 3) + now()", DataType.STRING);
    assertEquals(4, p.size(), p.toString());
    contains(p.get(0), "custmer_id");
    contains(p.get(1), "lowr");
    contains(p.get(2), "round");
    contains(p.get(3), "reference_date()");
    try {
      ExprCompiler.compile("custmer_id + lowr(first_name)", DataType.STRING, f);
    } catch (ExprException e) {
      contains(e.getMessage(), "custmer_id", "; ", "lowr");
    }
  }
}
