package io.synthgen.profile.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Distribution;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.profile.ColumnProfile;
import io.synthgen.profile.DistinctCount;
import io.synthgen.profile.FittedDistribution;
import io.synthgen.profile.ForeignKeyCandidate;
import io.synthgen.profile.KeyCandidate;
import io.synthgen.profile.NumericSummary;
import io.synthgen.profile.SourceProfile;
import io.synthgen.profile.StringSummary;
import io.synthgen.profile.TableProfile;
import io.synthgen.profile.TemporalSummary;
import io.synthgen.profile.ValueCount;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Plans from profiles built by hand, as a warehouse profiler would build them from aggregate SQL: the planner reads
 * only the records.
 */
class ProfilePlannerTest {

  private static ColumnProfile col(String name, DataType type, long rows, long nulls, long distinct,
      List<ValueCount> top, NumericSummary num, TemporalSummary tem, StringSummary str) {
    return new ColumnProfile(name, null, type, rows, nulls, new DistinctCount(distinct, "sql", distinct == rows - nulls),
        top, true, num, tem, str, null);
  }

  private static SourceProfile bank() {
    ColumnProfile accountId = col("account_id", DataType.BIGINT, 1000, 0, 1000, List.of(),
        new NumericSummary(1, 1000, 10, 991, 500.5, 288.7, true, 0, true, null), null, null);
    ColumnProfile type = col("account_type", DataType.STRING, 1000, 0, 3, List.of(new ValueCount("Checking", 700),
        new ValueCount("Savings", 295), new ValueCount("Offshore", 5)), null, null,
        new StringSummary(7, 8, 7.3, 0, List.of(), 0));
    ColumnProfile holder = col("holder_name", DataType.STRING, 1000, 0, 40, List.of(new ValueCount("Ada Lovelace",
        30)), null, null, new StringSummary(5, 30, 12, 1, List.of(), 0));
    FittedDistribution fit = new FittedDistribution(new Distribution.LogNormal(7.1234567, 0.9), 0, "ks", 0.01, 1000,
        List.of(new FittedDistribution.Candidate("lognormal", 0.01)));
    ColumnProfile balance = col("balance", DataType.decimal(12, 2), 1000, 20, 980, List.of(),
        new NumericSummary(3.17, 98765.43, 12.34, 45678.91, 2000, 3000, false, 2, false, fit), null, null);
    ColumnProfile opened = col("opened_at", DataType.TIMESTAMP, 1000, 0, 1000, List.of(), null,
        new TemporalSummary("2020-01-01T03:04:05", "2024-12-31T22:00:00", "2020-01-02T07:15:00",
            "2024-12-30T18:30:00", "1 minute"), null);
    TableProfile accounts = new TableProfile("accounts", "main.bank.accounts", "table", 1000,
        List.of(accountId, type, holder, balance, opened), List.of(new KeyCandidate("account_id", true)));
    ColumnProfile txId = col("tx_id", DataType.BIGINT, 5000, 0, 5000, List.of(),
        new NumericSummary(1, 5000, 10, 4991, 2500, 1443, true, 0, true, null), null, null);
    ColumnProfile txAccount = col("account_id", DataType.INT, 5000, 0, 900, List.of(),
        new NumericSummary(1, 1000, 12, 990, 500, 280, true, 0, false, null), null, null);
    TableProfile txs = new TableProfile("transactions", "main.bank.transactions", "table", 5000,
        List.of(txId, txAccount), List.of(new KeyCandidate("tx_id", true)));
    // children first: the plan puts parents first
    return new SourceProfile("main.bank", List.of(txs, accounts), List.of(new ForeignKeyCandidate("transactions",
        "account_id", "accounts", "account_id", "sql", 900)), List.of());
  }

  private static JsonNode column(ObjectNode plan, String table, String name) {
    for (JsonNode t : plan.path("tables")) {
      if (t.path("name").asText().equals(table)) {
        for (JsonNode c : t.path("columns")) {
          if (c.path("name").asText().equals(name)) {
            return c;
          }
        }
      }
    }
    throw new AssertionError(table + "." + name + " not in " + plan);
  }

  @Test
  void aHandMadeProfileBecomesAValidPlanWithParentsFirst() throws Exception {
    ObjectNode plan = ProfilePlanner.plan(bank(), new PlanOptions(null, 1, LocalDate.of(2025, 1, 1), 10, Set.of()));
    PlanCodec.fromJson(plan);
    assertEquals("accounts", plan.path("tables").get(0).path("name").asText());
    assertEquals("transactions", plan.path("main_table").asText());
    JsonNode fk = column(plan, "transactions", "account_id");
    assertEquals("foreign_key", fk.path("strategy").asText());
    assertEquals("bigint", fk.path("type").asText(), "the child takes its parent key's type");
    assertEquals("main_bank_synthetic", plan.path("name").asText());
  }

  @Test
  void privacyRulesDecideWhatIsCopied() throws Exception {
    ObjectNode plan = ProfilePlanner.plan(bank(), new PlanOptions(null, 1, LocalDate.of(2025, 1, 1), 10, Set.of()));
    JsonNode type = column(plan, "accounts", "account_type");
    assertEquals("[\"Checking\",\"Savings\"]", type.path("values").toString(), "a category, Offshore (5) left out");
    assertFalse(plan.toString().contains("Offshore"));
    assertFalse(plan.toString().contains("Ada Lovelace"), "names are identifiers, even held by 30 rows");
    JsonNode balance = column(plan, "accounts", "balance");
    assertEquals("lognormal", balance.path("distribution").path("type").asText());
    assertEquals(7.12346, balance.path("distribution").path("mu").asDouble(), 1e-9);
    assertEquals(12.3, balance.path("min").asDouble(), 1e-9, "the 10th smallest rounded down: no source value");
    assertEquals(45700, balance.path("max").asDouble(), 1e-9, "the 10th largest rounded up");
    assertEquals(0.02, balance.path("null_rate").asDouble(), 1e-9);
    JsonNode opened = column(plan, "accounts", "opened_at");
    assertEquals("2020-01-02T07:00:00", opened.path("start").asText());
    assertEquals("2024-12-30T19:00:00", opened.path("end").asText());
    assertTrue(plan.path("description").asText().contains("Left out: 1 rare value in 1 column (accounts"),
        plan.path("description").asText());
  }

  @Test
  void allowValuesAndMinCountChangeWhatIsCopied() throws Exception {
    ObjectNode allowed = ProfilePlanner.plan(bank(), new PlanOptions(null, 1, LocalDate.of(2025, 1, 1), 10,
        Set.of("account_type", "accounts.holder_name", "accounts.balance")));
    assertEquals(3, column(allowed, "accounts", "account_type").path("values").size());
    assertFalse(allowed.toString().contains("Ada Lovelace"), "identifiers are never copied, even when allowed");
    assertEquals(98765.43, column(allowed, "accounts", "balance").path("max").asDouble(), 1e-9);
    ObjectNode strict = ProfilePlanner.plan(bank(), new PlanOptions(null, 1, LocalDate.of(2025, 1, 1), 500,
        Set.of()));
    assertEquals("[\"Checking\"]", column(strict, "accounts", "account_type").path("values").toString());
  }

  @Test
  void namesThatIdentify() {
    for (String n : List.of("email", "customer_name", "phone_number", "ip_address", "account_number", "order_id",
        "userid", "dob", "card_no")) {
      assertTrue(ColumnRoles.identifying(n), n);
    }
    for (String n : List.of("account_type", "country_code", "status", "amount_paid", "tier", "city")) {
      assertFalse(ColumnRoles.identifying(n), n);
    }
  }
}
