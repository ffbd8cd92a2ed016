package io.synthgen.template;

import io.synthgen.plan.Batching;
import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.ChangeFeed.Weights;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.FkDistribution;
import io.synthgen.plan.History;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Series;
import io.synthgen.plan.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The change-feed recipe of each industry template (reference: CDC patterns, shape B and the industry docs' CDC
 * variants): a series of {@value #BATCHES} daily batches ending at the plan's reference date, the feeds with the
 * reference's weights and rows per batch, status and firmware values that change from the initial load to later
 * batches through {@code batch()}, SCD2 history tables, and daily readings as append batches.
 */
final class ChangeFeedRecipes {

  /** Batches of the series. */
  static final long BATCHES = 5;

  /**
   * The series starts {@value #BATCHES} days before the reference date, so its last batch ends there: every batch
   * lies in the templates' window (which ends at the reference date), and nothing is dated after "today".
   */
  static final String START = "ref-" + BATCHES + "d";

  static final String INTERVAL = "1 day";

  /** The IoT firmware versions, oldest first: batch b draws from the first b + 1 (reference: IoT devices CDC). */
  static final List<String> FIRMWARE = List.of("1.0.0", "1.0.1", "1.1.0", "2.0.0", "2.0.1");

  static final Series SERIES = new Series(START, INTERVAL, BATCHES);

  private ChangeFeedRecipes() {
  }

  static Plan apply(Plan p) throws PlanException {
    PlanEdit e = new PlanEdit(p, "cdc");
    switch (p.industry()) {
      case "retail" -> retail(e);
      case "healthcare" -> healthcare(e);
      case "financial" -> financial(e);
      case "iot" -> iot(e);
      case "manufacturing" -> manufacturing(e);
      default -> throw new IllegalStateException("no cdc recipe for " + p.industry());
    }
    // the recipe's times (readings' days, maintenance days, install cut-offs) are built on its start and interval;
    // a plan's own number of batches is kept
    return e.result(plan -> plan.withSeries(plan.series() == null ? SERIES
        : new Series(START, INTERVAL, plan.series().batches())));
  }

  /** Customers change contact details, address, tier and activity: 10 % of the customers a day, 50/30/10. */
  private static void retail(PlanEdit e) {
    Column email = e.column("customers", "email");
    if (email != null && !PlanEdit.switched(email)) {
      e.expression("customers", "email", email.type(), email.omit(),
          "lower(first_name) || '.' || lower(last_name) || CAST(customer_id % 1000 AS STRING) || CASE WHEN batch() "
              + "= 0 THEN '' ELSE '.' || CAST(rand_int(1, 999) AS STRING) END || '@example.com'", null,
          "derived from the name; an email changed in a later batch gets a number suffix");
    }
    feed(e, "customers", "customers_cdc", 10, new Weights(50, 30, 10), "APPEND",
        List.of("email", "phone", "address_line1", "city", "state", "zip_code", "loyalty_tier", "is_active"));
  }

  /**
   * Patients move and change insurance (n/10, 50/40/5); encounters are Active at the initial load and Active 20 /
   * Completed 70 / Cancelled 10 later (n/10, INSERT/UPDATE 30/70), an UPDATE keeping the encounter's stay; claims
   * move through Submitted 20 / In Review 25 / Paid 35 / Denied 15 / Appealed 5 (n_encounters/5, INSERT/UPDATE
   * 40/60). A table generated per parent cannot carry a change feed, so claims reference their encounter by a
   * foreign key here.
   */
  private static void healthcare(PlanEdit e) {
    feed(e, "patients", "patients_cdc", 10, new Weights(50, 40, 5), "APPEND",
        List.of("phone", "address", "city", "state", "zip_code", "insurance_id", "is_active"));
    Column status = e.column("encounters", "status");
    if (status != null && !PlanEdit.switched(status)) {
      e.expression("encounters", "status", status.type(), status.omit(), Sql.initialThen("'Active'",
          Sql.weighted(List.of("Active", "Completed", "Cancelled"), List.of(20, 70, 10))), null,
          "Active at the initial load; later batches Active 20, Completed 70, Cancelled 10 (reference: healthcare "
              + "encounters CDC)");
    }
    // only status is drawn anew: discharge_datetime reads it and follows (NULL while Active, else the stay's end),
    // the stay itself (admission, length) is the key's, so the claims dated within it stay within it
    feed(e, "encounters", "encounters_cdc", 10, new Weights(30, 70, 0), "INSERT", List.of("status"));

    Column claim = e.column("claims", "encounter_id");
    Table encounters = e.table("encounters");
    if (claim != null && claim.gen() instanceof ColumnGen.Parent p) {
      e.put("claims", new Column(claim.name(), claim.type(), new ColumnGen.ForeignKey(p.references(),
          new FkDistribution.Uniform()), claim.nullRate(), claim.omit(), false, "an encounter, uniformly (one per "
          + "encounter on average)"), null);
      e.update("claims", t -> new Table(t.name(), t.rows(), t.primaryKey(), t.description(), null, t.columns(),
          t.batching(), t.changeFeed(), t.history(), t.quality()));
    }
    Column claimStatus = e.column("claims", "status");
    if (claimStatus != null && !PlanEdit.switched(claimStatus)) {
      String initial = Sql.draw(claimStatus.gen());
      e.expression("claims", "status", claimStatus.type(), claimStatus.omit(), Sql.initialThen(initial != null
          ? initial : "'Submitted'", Sql.weighted(List.of("Submitted", "In Review", "Paid", "Denied", "Appealed"),
          List.of(20, 25, 35, 15, 5))), null, "the template's mix at the initial load; later batches Submitted 20, "
          + "In Review 25, Paid 35, Denied 15, Appealed 5 (reference: healthcare claims CDC)");
    }
    long perBatch = encounters == null ? 1 : Math.max(1, encounters.rows() / 5);
    e.update("claims", t -> t.withChangeFeed(feed("claims_cdc", perBatch, new Weights(40, 60, 0), "INSERT",
        List.of("status", "paid_amount"))));
    e.column("claims", "paid_amount");
  }

  /**
   * Accounts change status (Active 70 / Dormant 20 / Closed 10 on updates) and balance (n/10, INSERT/UPDATE/DELETE
   * 20/70/10); transactions get a corrections feed (n/20, UPDATE only): amount = original x U[0.8, 1.2] with a
   * reason.
   */
  private static void financial(PlanEdit e) {
    Column status = e.column("accounts", "status");
    Column balance = e.column("accounts", "balance");
    if (status != null && !PlanEdit.switched(status)) {
      String initial = Sql.draw(status.gen());
      e.expression("accounts", "status", status.type(), status.omit(), Sql.initialThen(initial != null ? initial
          : "'Active'", Sql.weighted(List.of("Active", "Dormant", "Closed"), List.of(70, 20, 10))), null,
          "the template's mix at the initial load; Active 70, Dormant 20, Closed 10 on updates (reference: "
              + "financial accounts CDC)");
    }
    if (balance != null && !PlanEdit.switched(balance)) {
      e.expression("accounts", "balance", balance.type(), balance.omit(), "CASE WHEN status = 'Closed' THEN 0 ELSE "
          + "round(balance_usd * CASE currency WHEN 'EUR' THEN 0.92 WHEN 'GBP' THEN 0.79 WHEN 'JPY' THEN 150 ELSE 1 "
          + "END * CASE WHEN batch() = 0 THEN 1 ELSE rand_lognormal(0, 0.1) END, 2) END", null,
          "in the account's currency, 0 when closed; an update moves it by a log-normal factor (sigma 0.1)");
    }
    feed(e, "accounts", "accounts_cdc", 10, new Weights(20, 70, 10), "INSERT", List.of("status", "balance"));

    Column amount = e.column("transactions", "amount");
    if (amount != null && !PlanEdit.switched(amount) && amount.gen() instanceof ColumnGen.Expression original) {
      e.expression("transactions", "original_amount", amount.type(), false, original.expr(), "amount",
          "the amount as first recorded");
      e.expression("transactions", "amount", amount.type(), amount.omit(), Sql.initialThen("original_amount",
          "round(original_amount * rand_uniform(0.8, 1.2), 2)"), null,
          "the original amount; a correction (a later batch) is original x U[0.8, 1.2]");
      e.expression("transactions", "correction_reason", DataType.STRING, false, Sql.initialThen("NULL",
          Sql.weighted(List.of("Duplicate charge", "Wrong amount", "Chargeback", "Reversal"),
              List.of(30, 30, 25, 15))), "original_amount",
          "NULL until corrected; Duplicate charge 30, Wrong amount 30, Chargeback 25, Reversal 15 (reference: "
              + "financial corrections feed)");
    }
    feed(e, "transactions", "transactions_corrections", 20, new Weights(0, 100, 0), "APPEND",
        List.of("amount", "correction_reason"));
  }

  /**
   * Devices get firmware rollout waves and status changes (n/10, UPDATE/INSERT/DELETE 70/20/10) and a
   * {@code devices_history} SCD2 table; readings become daily append batches ({@link DailyReadings}).
   */
  private static void iot(PlanEdit e) {
    Column status = e.column("devices", "status");
    if (status != null && !PlanEdit.switched(status)) {
      String initial = Sql.draw(status.gen());
      e.expression("devices", "status", status.type(), status.omit(), Sql.initialThen(initial != null ? initial
          : "'Online'", Sql.weighted(List.of("Online", "Offline", "Maintenance", "Decommissioned"),
          List.of(70, 15, 10, 5))), null, "the template's mix at the initial load; later batches Online 70, "
          + "Offline 15, Maintenance 10, Decommissioned 5 (reference: IoT devices CDC)");
    }
    e.expression("devices", "firmware", DataType.STRING, false, firmware(), "status",
        "rollout waves: 1.0.0 at the initial load; batch b draws from the first b + 1 of " + FIRMWARE
            + ", older versions 10 each, the newest 90 - 10 b");
    feed(e, "devices", "devices_cdc", 10, new Weights(20, 70, 10), "INSERT", List.of("firmware", "status"));
    e.putTable(history("devices_history", "devices"), "devices");
    DailyReadings.iot(e);
  }

  /**
   * Equipment changes status, zone and maintenance date (n/5, 30/60/5), an {@code equipment_history} table, and
   * daily sensor rows ({@link DailyReadings}); work orders stay per machine (laid out over the machines of the full
   * load).
   */
  private static void manufacturing(PlanEdit e) {
    DailyReadings.manufacturing(e);
    feed(e, "equipment", "equipment_cdc", 5, new Weights(30, 60, 5), "APPEND",
        List.of("status", "location_zone", "last_maintenance_date"));
    e.putTable(history("equipment_history", "equipment"), "equipment");
  }

  /** The firmware of a device in each batch: the rollout waves over {@link #FIRMWARE}. */
  static String firmware() {
    StringBuilder b = new StringBuilder("CASE batch() WHEN 0 THEN ").append(Sql.quote(FIRMWARE.get(0)));
    for (int wave = 1; wave < FIRMWARE.size(); wave++) {
      List<Integer> weights = new ArrayList<>();
      for (int v = 0; v < wave; v++) {
        weights.add(10);
      }
      weights.add(90 - 10 * wave);
      String draw = Sql.weighted(FIRMWARE.subList(0, wave + 1), weights);
      b.append(wave == FIRMWARE.size() - 1 ? " ELSE " : " WHEN " + wave + " THEN ").append(draw);
    }
    return b.append(" END").toString();
  }

  /** A change feed on a table, {@code rows / divisor} operations per batch after the full load. */
  private static void feed(PlanEdit e, String table, String name, long divisor, Weights weights, String appendAs,
      List<String> changes) {
    for (String c : changes) {
      e.column(table, c);
    }
    e.update(table, t -> t.withChangeFeed(feed(name, Math.max(1, t.rows() / divisor), weights, appendAs, changes)));
  }

  private static ChangeFeed feed(String name, long rowsPerBatch, Weights weights, String appendAs,
      List<String> changes) {
    return new ChangeFeed(name, rowsPerBatch, weights, changes, ChangeFeed.Format.PLAIN, appendAs,
        ChangeFeed.DEFAULT_OPERATION_COLUMN, ChangeFeed.DEFAULT_SEQUENCE_COLUMN);
  }

  private static Table history(String name, String of) {
    return new Table(name, 0, null, "Every version of a row of " + of + " (SCD type 2), from its change feed.",
        null, List.of(), Batching.STATIC, null, new History(of), null);
  }
}
