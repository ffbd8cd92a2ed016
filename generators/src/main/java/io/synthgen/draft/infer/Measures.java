package io.synthgen.draft.infer;

import static io.synthgen.draft.infer.Match.any;
import static io.synthgen.draft.infer.Match.ends;
import static io.synthgen.draft.infer.Match.first;
import static io.synthgen.draft.infer.Match.last;
import static io.synthgen.draft.infer.Match.name;
import static io.synthgen.draft.infer.Match.temporal;
import static io.synthgen.draft.infer.Numbers.normal;
import static io.synthgen.draft.infer.Numbers.percent;
import static io.synthgen.draft.infer.Numbers.ratio;
import static io.synthgen.draft.infer.Numbers.skewed;
import static io.synthgen.draft.infer.Rules.I;
import static io.synthgen.draft.infer.Rules.N;
import static io.synthgen.draft.infer.Rules.T;
import static io.synthgen.draft.infer.Rules.r;
import static io.synthgen.draft.infer.Times.after;
import static io.synthgen.draft.infer.Times.range;
import static io.synthgen.draft.infer.When.ALWAYS;
import static io.synthgen.draft.infer.When.about;
import static io.synthgen.draft.infer.When.has;

import io.synthgen.plan.DataType;
import java.util.List;

/** The rows of the rule table for percentages, ratios, measurements, dates and counts. */
final class Measures {

  private static final DataType INT = DataType.INT;
  private static final long DAY = 86_400;
  private static final String[] CREATED = {"created_at", "created", "created_on", "created_date", "creation_date",
      "inserted_at", "create_time", "created_ts", "signup_date", "registration_date", "joined_at", "join_date",
      "installed_at", "installed_on", "install_date", "activated_at", "provisioned_at", "first_seen_at"};

  private Measures() {
  }

  /** 1.3–2.5 times the first of {@code lows} the table has: an upper bound above its lower one. */
  static Template above(String... lows) {
    return new Template("1.3–2.5 times " + Match.list(lows), c -> {
      String low = null;
      for (String s : lows) {
        if (c.hasSibling(s)) {
          low = c.sibling(s);
          break;
        }
      }
      DataType t = Numbers.numeric(c, DataType.decimal(8, 2));
      Inferred inf = new Inferred(t, "expression", t + " 1.3–2.5 times " + low);
      inf.fields().put("expr", "CAST(round(`" + low + "` * (1.3 + rand() * 1.2), 2) AS " + t + ")");
      return inf;
    });
  }

  static void add(List<Rule> l) {
    Match pct = last("pct", "percent", "percentage", "perc").or(first("pct", "percent", "percentage"));
    Match rate = last("rate", "ratio", "share", "fraction", "probability", "likelihood", "propensity")
        .or(name("ctr"));
    l.add(r("rate.interest", "percentage", name("interest_rate", "apr", "apy", "mortgage_rate", "coupon_rate",
        "yield", "annual_rate"), ALWAYS, N, percent(2, 30)));
    l.add(r("rate.heart", "measurement", name("heart_rate", "pulse", "bpm", "pulse_rate"), ALWAYS, N,
        normal(75, 12, 40, 180, INT)));
    l.add(r("rate.respiratory", "measurement", name("respiratory_rate", "resp_rate"), ALWAYS, N,
        normal(16, 3, 8, 40, INT)));
    l.add(r("rate.exchange", "measurement", name("exchange_rate", "fx_rate", "conversion_factor"), ALWAYS, N,
        normal(1, 0.25, 0.01, 10, DataType.decimal(10, 6))));
    String[] small = {"discount", "tax", "commission", "interest", "fee", "churn", "margin", "markup", "tip", "vat",
        "growth", "error", "defect", "bounce", "fraud", "return", "conversion", "click", "default", "failure",
        "unsubscribe", "attrition", "cancellation", "ctr", "refund", "bonus", "raise", "merit"};
    String[] high = {"utilization", "completion", "progress", "battery", "humidity", "coverage", "satisfaction",
        "attendance", "uptime", "occupancy", "accuracy", "retention", "success", "efficiency", "availability",
        "approval", "renewal", "fill", "match", "confidence"};
    l.add(r("percent.small", "percentage", pct.and(any(small)), ALWAYS, N, percent(2, 8)));
    l.add(r("percent.high", "percentage", pct.and(any(high)), ALWAYS, N, percent(5, 2)));
    l.add(r("percent", "percentage", pct, ALWAYS, N, percent(1, 1)));
    l.add(r("ratio.small", "ratio", rate.and(any(small)), ALWAYS, N, ratio(2, 20)));
    l.add(r("ratio.high", "ratio", rate.and(any(high)), ALWAYS, N, ratio(8, 2)));
    l.add(r("ratio", "ratio", rate, ALWAYS, N, ratio(2, 2)));
    // health and physical measurements
    l.add(r("bmi", "measurement", last("bmi"), ALWAYS, N, normal(27, 5, 15, 60, DataType.decimal(4, 1))));
    l.add(r("systolic", "measurement", any("systolic"), ALWAYS, N, normal(120, 15, 80, 200, INT)));
    l.add(r("diastolic", "measurement", any("diastolic"), ALWAYS, N, normal(80, 10, 50, 130, INT)));
    l.add(r("glucose", "measurement", any("glucose"), ALWAYS, N, normal(100, 20, 50, 400, INT)));
    l.add(r("cholesterol", "measurement", any("cholesterol", "ldl", "hdl"), ALWAYS, N,
        normal(190, 35, 100, 350, INT)));
    l.add(r("temperature.body", "measurement", last("temperature", "temp", "body_temp").or(ends("temperature_c",
        "temp_c", "body_temperature", "temperature_celsius", "body_temp_c")),
        about("patient", "vital", "encounter", "visit", "observation", "admission", "triage", "nursing"), N,
        normal(36.8, 0.5, 36, 39.5, DataType.decimal(4, 1))));
    l.add(r("temperature", "measurement", last("temperature", "temp").or(ends("temperature_c", "temp_c")), ALWAYS,
        N, normal(20, 8, -30, 50, DataType.decimal(5, 2))));
    l.add(r("humidity", "percentage", any("humidity"), ALWAYS, N, percent(5, 3)));
    l.add(r("pressure", "measurement", last("pressure").or(name("pressure_hpa")), ALWAYS, N,
        normal(1013, 10, 950, 1060, DataType.decimal(7, 2))));
    l.add(r("weight.lb", "measurement", ends("weight_lbs", "weight_lb", "weight_pounds"), ALWAYS, N,
        normal(170, 35, 5, 550, DataType.decimal(6, 1))));
    l.add(r("weight.parcel", "measurement", last("weight", "weight_kg").or(name("weight_kg")),
        about("product", "item", "shipment", "package", "parcel", "sku", "order"), N,
        skewed(2, 1.0, 100, DataType.decimal(8, 2))));
    l.add(r("weight", "measurement", last("weight").or(name("weight_kg")), ALWAYS, N,
        normal(75, 15, 2, 250, DataType.decimal(5, 1))));
    l.add(r("height.in", "measurement", ends("height_in", "height_inches"), ALWAYS, N,
        normal(67, 4, 20, 90, DataType.decimal(4, 1))));
    l.add(r("height", "measurement", last("height").or(name("height_cm")), ALWAYS, N,
        normal(170, 10, 45, 230, DataType.decimal(5, 1))));
    l.add(r("speed", "measurement", last("speed", "velocity").or(name("speed_kmh", "speed_mph")), ALWAYS, N,
        normal(50, 20, 0, 200, DataType.decimal(6, 2))));
    l.add(r("voltage", "measurement", last("voltage", "volts"), ALWAYS, N,
        normal(230, 5, 180, 260, DataType.decimal(6, 2))));
    l.add(r("battery", "percentage", any("battery"), ALWAYS, N, percent(5, 2)));
    l.add(r("area.sqft", "measurement", ends("square_feet", "sq_ft", "sqft", "square_footage", "floor_area_sqft"),
        ALWAYS, N, skewed(1_800, 0.6, 500_000, INT)));
    l.add(r("area.sqm", "measurement", ends("square_meters", "square_metres", "sq_m", "sqm", "floor_area"), ALWAYS,
        N, skewed(170, 0.6, 50_000, INT)));
    l.add(r("co2", "measurement", name("co_2", "co_2_ppm", "co_2_level", "carbon_dioxide").or(last("ppm")), ALWAYS, N,
        normal(650, 200, 350, 5_000, INT)));
    l.add(r("spo2", "measurement", name("spo_2", "sp_o_2", "oxygen_saturation", "o_2_sat", "o_2_saturation", "spo_2_pct"),
        ALWAYS, N, normal(97, 1.5, 80, 100, INT)));
    l.add(r("dosage", "measurement", first("dosage", "dose").or(name("dosage", "dose", "strength_mg")), ALWAYS, N,
        skewed(100, 1.0, 2_000, DataType.decimal(8, 2))));
    l.add(r("refills", "count", name("refills", "refills_remaining", "num_refills", "refill_count"), ALWAYS, N,
        Numbers.uniform(0, 5, INT)));
    l.add(r("experience", "duration", name("years_experience", "years_of_experience", "experience_years",
        "experience"), ALWAYS, N, skewed(6, 0.8, 45, INT)));
    String[] lab = {"lab", "lab_result", "result", "test", "specimen", "panel", "observation"};
    l.add(r("lab.result", "measurement", name("result_value", "result", "value", "numeric_result", "result_numeric"),
        about(lab), N, normal(100, 40, 0, 1_000, DataType.decimal(8, 2))));
    l.add(r("lab.reference.high", "measurement", name("reference_high", "ref_high", "reference_max", "normal_high"),
        has("reference_low", "ref_low", "reference_min", "normal_low"), N, above("reference_low", "ref_low",
            "reference_min", "normal_low")));
    l.add(r("lab.reference", "measurement", name("reference_low", "ref_low", "reference_min", "normal_low",
        "reference_high", "ref_high", "reference_max", "normal_high"), about(lab), N,
        normal(70, 20, 0, 500, DataType.decimal(8, 2))));
    l.add(r("signal", "measurement", any("dbm", "rssi").or(name("signal_strength")), ALWAYS, N,
        normal(-70, 10, -120, -30, INT)));
    l.add(r("capacity", "count", last("capacity").or(name("max_capacity", "seating_capacity")), ALWAYS, N,
        skewed(100, 1.0, 100_000, INT)));
    l.add(r("odometer", "measurement", last("mileage", "odometer"), ALWAYS, N, skewed(45_000, 0.7, 400_000, INT)));
    l.add(r("distance", "measurement", last("distance", "miles", "km", "kilometers", "meters"), ALWAYS, N,
        skewed(10, 1.0, 10_000, DataType.decimal(10, 2))));
    l.add(r("reading", "measurement", last("reading", "value", "measurement", "metric", "level"),
        about("sensor", "reading", "measurement", "telemetry", "metric", "device", "observation", "iot"), N,
        normal(50, 15, 0, 100, DataType.DOUBLE)));
    l.add(r("age.patient", "age", last("age"), about("patient", "child", "kid", "infant", "resident"), N,
        normal(45, 22, 0, 100, INT)));
    l.add(r("age", "age", last("age"), ALWAYS, N, normal(42, 15, 18, 90, INT)));
    l.add(r("rating", "rating", last("rating", "stars", "star_rating").or(name("review_score", "csat",
        "satisfaction", "satisfaction_score", "csat_score")), ALWAYS, N, Numbers.rating()));
    l.add(r("score.credit", "score", name("credit_score", "fico", "fico_score"), ALWAYS, N,
        normal(690, 70, 300, 850, INT)));
    l.add(r("score.nps", "score", name("nps", "nps_score", "likelihood_to_recommend"), ALWAYS, N,
        Numbers.uniform(0, 10, INT)));
    l.add(r("score.pain", "score", name("pain_score", "pain_level", "pain", "pain_scale"), ALWAYS, N,
        Numbers.uniform(0, 10, INT)));
    l.add(r("score", "score", last("score"), ALWAYS, N, normal(70, 15, 0, 100, INT)));
    // dates and times, relative to the reference date; an instant after another one of the row where both exist
    l.add(r("time.updated", "date/time", name("updated_at", "updated", "modified_at", "modified", "updated_on",
        "last_modified", "last_updated", "updated_date", "modified_date", "update_time", "updated_ts",
        "last_modified_at"), has(CREATED), T, after(0, -1, CREATED)));
    String[] ordered = {"order_date", "ordered_at", "order_ts", "order_time", "purchase_date", "purchased_at",
        "placed_at", "created_at", "created"};
    l.add(r("time.shipped", "date/time", name("shipped_at", "ship_date", "shipped_date", "shipping_date",
        "shipped_on", "dispatched_at"), has(ordered), T, after(3_600, 5 * DAY, ordered)));
    String[] shipped = {"shipped_at", "ship_date", "shipped_date", "shipping_date", "order_date", "ordered_at",
        "created_at"};
    l.add(r("time.delivered", "date/time", name("delivered_at", "delivery_date", "delivered_date", "delivered_on"),
        has(shipped), T, after(DAY, 7 * DAY, shipped)));
    String[] opened = {"opened_at", "created_at", "submitted_at", "open_date", "reported_at", "created_date",
        "created", "started_at", "start_date", "start_time"};
    l.add(r("time.resolved", "date/time", name("resolved_at", "closed_at", "completed_at", "resolution_date",
        "close_date", "closed_date", "completed_date", "resolved_date", "finished_at"), has(opened), T,
        Events.mostlyEmpty(after(600, 14 * DAY, opened))));
    String[] started = {"start_time", "started_at", "start_ts", "start_date", "begin_date", "begin_time"};
    l.add(r("time.end.instant", "date/time", name("end_time", "ended_at", "finish_time", "stop_time", "end_ts"),
        has(started), T, after(60, 8 * 3_600, started)));
    l.add(r("time.end.date", "date/time", name("end_date", "stop_date", "finish_date"),
        has(started), T, after(DAY, 365 * DAY, started)));
    String[] admitted = {"admission_date", "admit_date", "admitted_at", "admission_time", "check_in", "check_in_date",
        "checkin_date", "checked_in_at"};
    l.add(r("time.discharge", "date/time", name("discharge_date", "discharged_at", "discharge_time", "check_out",
        "checkout_date", "check_out_date", "checked_out_at"), has(admitted), T, after(DAY, 14 * DAY, admitted)));
    String[] issued = {"invoice_date", "issue_date", "issued_at", "billed_at", "bill_date", "created_at"};
    l.add(r("time.due", "date/time", name("due_date", "due_at", "payment_due_date"), has(issued), T,
        after(15 * DAY, 60 * DAY, issued)));
    l.add(r("time.paid", "date/time", name("paid_at", "paid_date", "payment_date", "paid_on"), has(issued), T,
        after(0, 45 * DAY, issued)));
    String[] valid = {"issue_date", "issued_at", "start_date", "purchase_date", "created_at"};
    l.add(r("time.expiry", "date/time", name("expiry_date", "expiration_date", "expires_at", "valid_until", "expiry",
        "expiration", "expires_on"), has(valid), T, after(365 * DAY, 1_095 * DAY, valid)));
    l.add(r("time.last.after", "date/time", name("last_login", "last_login_at", "last_seen", "last_seen_at",
        "last_active", "last_active_at", "last_activity_at", "last_purchase_date", "last_order_date",
        "last_visit_date", "last_purchase_at"), has(CREATED), T, after(0, -1, CREATED)));
    l.add(r("time.after.event", "date/time", Events.later(), ALWAYS, T, Events.after()));
    l.add(r("date.bounds", "date/time", new Match("last word `start`, `end`, `begin`, `finish` after another word "
        + "(`pay_period_start`, `trial_end`)", c -> c.words().size() > 1 && Events.BARE.contains(c.last())), ALWAYS, T,
        range(-180, 0)));
    l.add(r("date.birth.patient", "date/time", name("birth_date", "date_of_birth", "dob", "birthday", "birthdate"),
        about("patient", "child", "kid", "infant", "student"), T, range(-36_500, 0)));
    l.add(r("date.birth", "date/time", name("birth_date", "date_of_birth", "dob", "birthday", "birthdate"), ALWAYS, T,
        range(-32_850, -6_570)));
    l.add(r("date.future", "date/time", temporal().and(first("due", "expiry", "expiration", "expires", "renewal",
        "next", "maturity", "deadline", "valid").or(name("valid_until", "valid_to", "expires_at"))), ALWAYS, T,
        range(0, 365)));
    l.add(r("date.ended", "date/time", temporal().and(any("deleted", "cancelled", "canceled", "churned",
        "terminated", "termination", "closed", "archived", "deactivated", "unsubscribed")), ALWAYS, T,
        Rules.nullable(range(-365, 0), 0.9)));
    l.add(r("date.hire", "date/time", temporal().and(any("hire", "hired", "employment")), ALWAYS, T, range(-3_650, 0)));
    l.add(r("date.created", "date/time", temporal().and(any("created", "signup", "registered", "registration",
        "joined", "join", "onboarded", "enrolled", "enrollment", "opened", "activated", "activation", "inserted",
        "since", "first", "open", "creation")), ALWAYS, T, range(-1_095, 0)));
    l.add(r("date.recent", "date/time", temporal().and(first("last", "latest", "recent", "most")), ALWAYS, T,
        range(-90, 0)));
    l.add(r("date", "date/time", temporal(), ALWAYS, T, range(-180, 0)));
    // calendar parts
    l.add(r("year.birth", "year", name("birth_year", "year_of_birth", "yob"), ALWAYS, I, Times.yearsBack(18, 90)));
    l.add(r("year", "year", last("year"), ALWAYS, I, Times.yearsBack(0, 10)));
    l.add(r("month", "month", last("month"), ALWAYS, I, Numbers.uniform(1, 12, INT)));
    l.add(r("quarter", "quarter", last("quarter", "qtr"), ALWAYS, I, Numbers.uniform(1, 4, INT)));
    l.add(r("hour", "hour", last("hour"), ALWAYS, I, Numbers.uniform(0, 23, INT)));
    l.add(r("day", "day of month", name("day", "day_of_month", "dom"), ALWAYS, I, Numbers.uniform(1, 31, INT)));
    // durations
    l.add(r("duration.ms", "duration", last("ms", "millis", "milliseconds", "latency"), ALWAYS, N,
        skewed(250, 0.8, 60_000, INT)));
    l.add(r("duration.seconds", "duration", last("seconds", "secs", "sec"), ALWAYS, N,
        skewed(120, 1.0, 86_400, INT)));
    l.add(r("duration.minutes", "duration", last("minutes", "mins", "duration"), ALWAYS, N,
        skewed(20, 0.9, 1_440, INT)));
    l.add(r("duration.hours", "duration", last("hours", "hrs"), ALWAYS, N, skewed(4, 0.8, 168, INT)));
    l.add(r("duration.days", "duration", last("days").or(name("length_of_stay", "los")), ALWAYS, N,
        skewed(5, 1.0, 3_650, INT)));
    l.add(r("duration.months", "duration", last("months", "tenure"), ALWAYS, N, skewed(18, 0.9, 600, INT)));
    l.add(r("duration.years", "duration", last("years"), ALWAYS, N, skewed(4, 0.8, 50, INT)));
    // quantities and counts
    l.add(r("count.stock", "count", name("stock", "stock_quantity", "stock_qty", "inventory", "on_hand",
        "quantity_on_hand", "stock_level", "inventory_level", "units_in_stock", "reorder_point", "reorder_level",
        "qty_on_hand", "quantity_available", "available_quantity"), ALWAYS, N, skewed(50, 1.0, 10_000, INT)));
    l.add(r("quantity", "quantity", last("qty", "quantity", "units", "pieces").or(name("units_sold",
        "quantity_sold", "quantity_ordered", "qty_ordered", "num_items", "item_count", "items", "unit_count")),
        ALWAYS, N, Numbers.quantity(1.5, 100)));
    l.add(r("count.engagement", "count", last("views", "clicks", "impressions", "visits", "sessions", "likes",
        "followers", "downloads", "logins", "shares", "opens", "pageviews", "plays", "streams", "installs", "points"),
        ALWAYS, N, skewed(20, 1.5, 10_000_000, INT)));
    l.add(r("count.headcount", "count", name("employees", "employee_count", "headcount", "num_employees",
        "staff_count", "number_of_employees"), ALWAYS, N, skewed(50, 1.5, 500_000, INT)));
    l.add(r("size.bytes", "size", last("bytes").or(name("file_size", "size_bytes", "size_kb", "size_mb")),
        ALWAYS, N, skewed(200_000, 1.5, 1e10, DataType.BIGINT)));
    l.add(r("count.household", "count", last("children", "dependents", "kids", "bedrooms", "bathrooms", "rooms",
        "seats", "floors", "stories", "doors", "pets").or(name("household_size", "family_size", "party_size",
        "group_size", "team_size", "class_size")), ALWAYS, N,
        skewed(1.5, 0.8, 20, INT)));
    l.add(r("count", "count", last("count", "cnt", "total_count").or(first("num", "n", "number", "no", "total")
        .and(any("orders", "items", "purchases", "transactions", "visits", "events", "products", "users",
            "customers", "errors", "tickets", "calls", "messages", "of"))), ALWAYS, N,
        skewed(3, 1.0, 10_000, INT)));
  }
}
