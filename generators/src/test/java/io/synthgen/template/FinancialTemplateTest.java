package io.synthgen.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.run.RunResult;
import io.synthgen.testing.Duck;
import io.synthgen.testing.Plans;
import io.synthgen.testing.Stats;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The financial template at 5,000 accounts, generated to Parquet and checked in DuckDB. */
class FinancialTemplateTest {

  static final long ACCOUNTS = 5_000;
  static final long EVENTS = 5 * ACCOUNTS;
  /** Per-day transaction counts over the 180-day window, with the day's kind. */
  static final String DAYS = "WITH cal AS (SELECT range::DATE AS day FROM range(DATE '2024-07-05', DATE '2025-01-01', "
      + "INTERVAL 1 DAY)), cnt AS (SELECT txn_timestamp::DATE AS day, count(*) AS n FROM transactions GROUP BY 1), "
      + "days AS (SELECT day, coalesce(n, 0) AS n, isodow(day) AS dow, month(day) AS m, "
      + "day IN ('2024-07-04', '2024-09-02', '2024-10-14', '2024-11-11', '2024-11-28', '2024-12-25') AS holiday, "
      + "day BETWEEN '2024-12-01' AND '2024-12-10' AS incident FROM cal LEFT JOIN cnt USING (day)) ";
  static final String ORDINARY = " NOT holiday AND NOT incident ";

  @TempDir
  static Path dir;
  static Duck duck;
  static RunResult run;

  @BeforeAll
  static void generate() throws Exception {
    run = Plans.runTemplate("financial", ACCOUNTS, dir);
    duck = new Duck();
    duck.parquetViews(dir, "accounts", "trades", "transactions");
  }

  @AfterAll
  static void close() throws Exception {
    duck.close();
  }

  @Test
  void theRunValidatesWithTheReferenceRatiosAndKeys() throws Exception {
    assertTrue(run.validation().passed(), "failures: " + run.validation().failures());
    assertEquals(ACCOUNTS, duck.count("SELECT count(*) FROM accounts"));
    assertEquals(EVENTS, duck.count("SELECT count(*) FROM trades"));
    assertEquals(EVENTS, duck.count("SELECT count(*) FROM transactions"));
    assertEquals(List.of(List.of("1000000", String.valueOf(1_000_000 + ACCOUNTS - 1))),
        duck.rows("SELECT min(account_id), max(account_id) FROM accounts"));
    assertEquals(List.of(List.of("500000", String.valueOf(500_000 + ACCOUNTS * 8 / 10 - 1),
        String.valueOf(ACCOUNTS * 8 / 10))), duck.rows("SELECT min(customer_id), max(customer_id), "
        + "count(DISTINCT customer_id) FROM accounts"), "80 % as many customers as accounts");
    for (String t : new String[] {"trades", "transactions"}) {
      assertEquals(0, duck.count("SELECT count(*) FROM " + t + " c ANTI JOIN accounts a USING (account_id)"), t);
      assertEquals(0, duck.count("SELECT count(*) FROM " + t + " WHERE account_id IS NULL"), t);
    }
  }

  @Test
  void columnsAndTypesFollowTheReferenceOutputOrder() throws Exception {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("accounts", "account_id BIGINT, customer_id BIGINT, account_number VARCHAR, account_type VARCHAR, "
        + "status VARCHAR, open_date DATE, balance DECIMAL(15,2), currency VARCHAR, risk_rating VARCHAR");
    expected.put("trades", "trade_id BIGINT, account_id BIGINT, symbol VARCHAR, trade_type VARCHAR, "
        + "order_type VARCHAR, quantity INTEGER, price DECIMAL(12,4), trade_value DECIMAL(15,2), "
        + "commission DECIMAL(8,2), trade_timestamp TIMESTAMP, volume_factor DOUBLE, status VARCHAR, "
        + "execution_venue VARCHAR");
    expected.put("transactions", "txn_id BIGINT, account_id BIGINT, txn_type VARCHAR, amount DECIMAL(12,2), "
        + "txn_timestamp TIMESTAMP, channel VARCHAR, is_international BOOLEAN, status VARCHAR");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertEquals(e.getValue(), duck.columns(e.getKey()), e.getKey());
    }
  }

  @Test
  void tradesAddUpAndHappenInMarketHours() throws Exception {
    assertEquals(0, duck.count("SELECT count(*) FROM trades WHERE trade_value <> round(quantity * price, 2)"),
        "trade_value = quantity x price");
    assertEquals(0, duck.count("SELECT count(*) FROM trades WHERE commission <> greatest(0.99, "
        + "round(trade_value * 0.001, 2)) OR commission >= trade_value"));
    assertEquals(0, duck.count("SELECT count(*) FROM trades WHERE quantity NOT BETWEEN 1 AND 10000 OR price IS NULL"));
    assertEquals(0, duck.count("SELECT count(*) FROM trades WHERE isodow(trade_timestamp) >= 6 OR "
        + "trade_timestamp::TIME < TIME '09:30:00' OR trade_timestamp::TIME >= TIME '16:00:00' OR "
        + "trade_timestamp::DATE IN ('2024-09-02', '2024-11-28', '2024-12-25') OR "
        + "trade_timestamp < TIMESTAMP '2024-07-05' OR trade_timestamp >= TIMESTAMP '2025-01-01'"),
        "market hours on trading days of the last 180 days");
    assertEquals(0, duck.count("SELECT count(*) FROM trades WHERE volume_factor <> CASE WHEN hour(trade_timestamp) "
        + "IN (9, 10) THEN 3.0 WHEN hour(trade_timestamp) IN (15, 16) THEN 2.5 ELSE 1.0 END"));
    // U-shaped: trades per hour in proportion to volume_factor (09:30-10:59 is 1.5 hours)
    double open = duck.number("SELECT count(*) FILTER (WHERE hour(trade_timestamp) IN (9, 10)) / 1.5 / "
        + "count(*) FILTER (WHERE hour(trade_timestamp) BETWEEN 11 AND 14) * 4 FROM trades");
    assertEquals(3.0, open, 0.2, "opening rate against midday");
    double close = duck.number("SELECT count(*) FILTER (WHERE hour(trade_timestamp) = 15) / "
        + "count(*) FILTER (WHERE hour(trade_timestamp) BETWEEN 11 AND 14) * 4 FROM trades");
    assertEquals(2.5, close, 0.2, "closing rate against midday");
    String[][] ranges = {{"AAPL", "150", "200"}, {"GOOGL", "130", "180"}, {"MSFT", "350", "450"},
        {"AMZN", "150", "200"}, {"NVDA", "400", "600"}, {"TSLA", "200", "350"}};
    for (String[] r : ranges) {
      assertEquals(0, duck.count("SELECT count(*) FROM trades WHERE symbol = '" + r[0] + "' AND price NOT BETWEEN "
          + r[1] + " AND " + r[2]), r[0] + " price range");
    }
    assertTrue(duck.number("SELECT max(s) FROM (SELECT max(price) / min(price) AS s FROM trades "
        + "GROUP BY symbol, trade_timestamp::DATE)") < 1.04, "one symbol's trades on one day agree on price");
    assertEquals(0, duck.count("SELECT count(*) FROM trades t JOIN accounts a USING (account_id) "
        + "WHERE a.account_type NOT IN ('Investment', 'Retirement') OR t.trade_timestamp::DATE < a.open_date"),
        "only brokerage accounts trade, after they open");
    double top = duck.number("SELECT sum(n) FILTER (WHERE r <= 0.2 * k) / sum(n) FROM (SELECT count(*) AS n, "
        + "row_number() OVER (ORDER BY count(*) DESC) AS r, count(*) OVER () AS k FROM trades GROUP BY account_id)");
    assertTrue(top > 0.45, "the busiest fifth of trading accounts trades most: " + top);
  }

  @Test
  void accountsAreCoherent() throws Exception {
    assertEquals(0, duck.count("SELECT count(*) FROM accounts WHERE balance < 0 OR (status = 'Closed') <> "
        + "(balance = 0)"), "closed accounts, and only they, are empty");
    String median = "SELECT median(balance) FROM accounts WHERE currency = 'USD' AND status <> 'Closed' AND "
        + "account_type = ";
    double checking = duck.number(median + "'Checking'");
    double retirement = duck.number(median + "'Retirement'");
    assertEquals(3000, checking, 600, "checking median");
    assertTrue(retirement > 10 * checking, "retirement balances dwarf checking: " + retirement);
    assertTrue(duck.number("SELECT median(balance) FROM accounts WHERE currency = 'JPY' AND account_type = "
        + "'Checking' AND status <> 'Closed'") > 50 * checking, "yen balances are in yen");
    assertEquals(0, duck.count("SELECT count(*) FROM accounts WHERE open_date NOT BETWEEN '2015-01-01' AND "
        + "'2024-07-04' OR NOT regexp_full_match(account_number, '[1-9][0-9]{11}')"));
    double high = duck.number("SELECT avg(CASE WHEN risk_rating = 'High' THEN 1 ELSE 0 END) FROM accounts "
        + "WHERE account_type IN ('Loan', 'Credit Card')");
    double low = duck.number("SELECT avg(CASE WHEN risk_rating = 'High' THEN 1 ELSE 0 END) FROM accounts "
        + "WHERE account_type IN ('Savings', 'Retirement')");
    assertTrue(high > 3 * low, "cards and loans are riskier: " + high + " vs " + low);
  }

  @Test
  void weightsAndNullRatesAreTheReferences() throws Exception {
    String[] types = {"Checking", "Savings", "Investment", "Retirement", "Credit Card", "Loan"};
    double[] typeWeights = {30, 25, 20, 10, 10, 5};
    for (int i = 0; i < types.length; i++) {
      assertRate(typeWeights[i] / 100, duck.count("SELECT count(*) FROM accounts WHERE account_type = '" + types[i]
          + "'"), ACCOUNTS, types[i]);
    }
    assertRate(0.85, duck.count("SELECT count(*) FROM accounts WHERE status = 'Active'"), ACCOUNTS, "Active");
    assertRate(0.70, duck.count("SELECT count(*) FROM accounts WHERE currency = 'USD'"), ACCOUNTS, "USD");
    assertRate(0.01, duck.count("SELECT count(*) FROM accounts WHERE risk_rating IS NULL"), ACCOUNTS, "risk NULLs");
    assertRate(0.60 * 0.99, duck.count("SELECT count(*) FROM accounts WHERE risk_rating = 'Low'"), ACCOUNTS, "Low");
    assertRate(0.10 * 0.99, duck.count("SELECT count(*) FROM accounts WHERE risk_rating = 'High'"), ACCOUNTS, "High");
    assertRate(0.55, duck.count("SELECT count(*) FROM trades WHERE trade_type = 'BUY'"), EVENTS, "BUY");
    assertRate(0.60, duck.count("SELECT count(*) FROM trades WHERE order_type = 'Market'"), EVENTS, "Market");
    assertRate(0.90, duck.count("SELECT count(*) FROM trades WHERE status = 'Filled'"), EVENTS, "Filled");
    assertRate(0.35, duck.count("SELECT count(*) FROM trades WHERE execution_venue = 'NYSE'"), EVENTS, "NYSE");
    String[] txnTypes = {"Deposit", "Withdrawal", "Transfer In", "Transfer Out", "Payment", "Fee", "Interest"};
    double[] txnWeights = {20, 15, 15, 15, 25, 5, 5};
    for (int i = 0; i < txnTypes.length; i++) {
      assertRate(txnWeights[i] / 100, duck.count("SELECT count(*) FROM transactions WHERE txn_type = '"
          + txnTypes[i] + "'"), EVENTS, txnTypes[i]);
    }
    assertRate(0.01, duck.count("SELECT count(*) FROM transactions WHERE channel IS NULL"), EVENTS, "channel NULLs");
    assertRate(0.35 * 0.99, duck.count("SELECT count(*) FROM transactions WHERE channel = 'Online'"), EVENTS,
        "Online");
    assertRate(0.05, duck.count("SELECT count(*) FROM transactions WHERE is_international"), EVENTS, "international");
    String quiet = " FROM transactions WHERE txn_timestamp::DATE NOT BETWEEN '2024-12-01' AND '2024-12-10'";
    long n = duck.count("SELECT count(*)" + quiet);
    assertRate(0.90, duck.count("SELECT count(*)" + quiet + " AND status = 'Completed'"), n, "Completed");
    assertRate(0.03, duck.count("SELECT count(*)" + quiet + " AND status = 'Failed'"), n, "Failed");
  }

  @Test
  void transactionsLookReal() throws Exception {
    assertEquals(0, duck.count("SELECT count(*) FROM transactions WHERE txn_timestamp < TIMESTAMP '2024-07-05' OR "
        + "txn_timestamp >= TIMESTAMP '2025-01-01' OR amount <= 0"));
    String usd = "SELECT median(amount) FROM transactions t JOIN accounts a USING (account_id) WHERE "
        + "a.currency = 'USD' AND a.account_type IN ('Checking', 'Savings', 'Credit Card') AND txn_type = ";
    double deposit = duck.number(usd + "'Deposit'");
    double payment = duck.number(usd + "'Payment'");
    double fee = duck.number(usd + "'Fee'");
    assertTrue(deposit > 5 * payment && payment > 3 * fee, deposit + " " + payment + " " + fee);
    assertEquals(85, payment, 15, "median payment");
    double checkingPerAccount = duck.number("SELECT count(*) / (SELECT count(*) FROM accounts WHERE account_type = "
        + "'Checking') FROM transactions t JOIN accounts a USING (account_id) WHERE a.account_type = 'Checking'");
    double savingsPerAccount = duck.number("SELECT count(*) / (SELECT count(*) FROM accounts WHERE account_type = "
        + "'Savings') FROM transactions t JOIN accounts a USING (account_id) WHERE a.account_type = 'Savings'");
    assertTrue(checkingPerAccount > 2.5 * savingsPerAccount, "checking accounts transact most");
    double weekend = duck.number(DAYS + "SELECT avg(n) FILTER (WHERE dow >= 6 AND" + ORDINARY + ") / "
        + "avg(n) FILTER (WHERE dow <= 5 AND" + ORDINARY + ") FROM days");
    assertEquals(0.6, weekend, 0.06, "weekend factor");
    double holiday = duck.number(DAYS + "SELECT avg(n) FILTER (WHERE holiday) / avg(n) FILTER (WHERE dow <= 5 AND"
        + ORDINARY + ") FROM days");
    assertEquals(0.3 * 1.1, holiday, 0.12, "holiday factor (holidays fall on weekdays, later in the year)");
    double q4 = duck.number(DAYS + "SELECT avg(n) FILTER (WHERE m = 12 AND" + ORDINARY + ") / "
        + "avg(n) FILTER (WHERE m = 7 AND" + ORDINARY + ") FROM days");
    assertEquals(1.15 / 1.025, q4, 0.08, "Q4 uplift, December against July");
    double incident = duck.number(DAYS + "SELECT avg(n) FILTER (WHERE incident) / avg(n) FILTER (WHERE day "
        + "BETWEEN '2024-12-11' AND '2024-12-20') FROM days");
    assertEquals(1.5, incident, 0.2, "incident retries");
    double failedIn = duck.number("SELECT avg(CASE WHEN status = 'Failed' THEN 1 ELSE 0 END) FROM transactions "
        + "WHERE txn_timestamp::DATE BETWEEN '2024-12-01' AND '2024-12-10'");
    assertEquals(0.25, failedIn, 0.04, "a quarter fail during the incident");
    double business = duck.number("SELECT count(*) FILTER (WHERE hour(txn_timestamp) BETWEEN 8 AND 18) / 11.0 / "
        + "(count(*) FILTER (WHERE hour(txn_timestamp) BETWEEN 0 AND 5) / 6.0) FROM transactions");
    assertEquals(6.0, business, 0.8, "business hours at 3 against nights at 0.5");
    double wireAbroad = duck.number("SELECT avg(CASE WHEN is_international THEN 1 ELSE 0 END) FROM transactions "
        + "WHERE channel = 'Wire'");
    assertTrue(wireAbroad > 0.3, "international payments go by wire: " + wireAbroad);
  }

  private static void assertRate(double expected, long count, long n, String what) {
    assertEquals(expected, count / (double) n, Stats.binomialTolerance(expected, n), what);
  }
}
