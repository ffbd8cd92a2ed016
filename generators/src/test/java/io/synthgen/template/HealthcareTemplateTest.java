package io.synthgen.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.run.RunResult;
import io.synthgen.testing.Duck;
import io.synthgen.testing.Plans;
import io.synthgen.testing.Stats;
import io.synthgen.testing.UsGeo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The healthcare template at 5,000 patients, generated to Parquet and checked in DuckDB. */
class HealthcareTemplateTest {

  static final long PATIENTS = 5_000;
  /** Per-day encounter counts over the 180-day window, with the day's kind: holiday, outbreak or ordinary. */
  static final String DAYS = "WITH cal AS (SELECT range::DATE AS day FROM range(DATE '2024-07-05', DATE '2025-01-01', "
      + "INTERVAL 1 DAY)), cnt AS (SELECT admit_datetime::DATE AS day, count(*) AS n FROM encounters GROUP BY 1), "
      + "days AS (SELECT day, coalesce(n, 0) AS n, isodow(day) AS dow, month(day) AS m, "
      + "day IN ('2024-07-04', '2024-09-02', '2024-10-14', '2024-11-11', '2024-11-28', '2024-12-25') AS holiday, "
      + "day BETWEEN '2024-12-01' AND '2024-12-10' AS outbreak FROM cal LEFT JOIN cnt USING (day)) ";
  static final String ORDINARY = " NOT holiday AND NOT outbreak ";

  @TempDir
  static Path dir;
  static Duck duck;
  static RunResult run;

  @BeforeAll
  static void generate() throws Exception {
    run = Plans.runTemplate("healthcare", PATIENTS, dir);
    duck = new Duck();
    duck.parquetViews(dir, "patients", "encounters", "claims");
    UsGeo.load(duck);
  }

  @AfterAll
  static void close() throws Exception {
    duck.close();
  }

  @Test
  void theRunValidatesWithTheReferenceRatios() throws Exception {
    assertTrue(run.validation().passed(), "failures: " + run.validation().failures());
    assertEquals(PATIENTS, duck.count("SELECT count(*) FROM patients"));
    assertEquals(3 * PATIENTS, duck.count("SELECT count(*) FROM encounters"));
    assertEquals(3 * PATIENTS, duck.count("SELECT count(*) FROM claims"), "one claim per encounter");
    assertEquals(0, duck.count("SELECT count(*) FROM (SELECT encounter_id FROM claims GROUP BY 1 HAVING count(*) <> 1)"));
    assertEquals(List.of(List.of("1000000", String.valueOf(1_000_000 + PATIENTS - 1))),
        duck.rows("SELECT min(patient_id), max(patient_id) FROM patients"));
    assertEquals(1, duck.count("SELECT min(encounter_id) FROM encounters"));
  }

  @Test
  void columnsAndTypesFollowTheReferenceOutputOrder() throws Exception {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("patients", "patient_id BIGINT, mrn VARCHAR, first_name VARCHAR, last_name VARCHAR, "
        + "date_of_birth DATE, gender VARCHAR, ssn_last4 VARCHAR, email VARCHAR, phone VARCHAR, address VARCHAR, "
        + "city VARCHAR, state VARCHAR, zip_code VARCHAR, insurance_id VARCHAR, is_active BOOLEAN");
    expected.put("encounters", "encounter_id BIGINT, patient_id BIGINT, provider_id BIGINT, facility_id BIGINT, "
        + "encounter_type VARCHAR, admit_datetime TIMESTAMP, discharge_datetime TIMESTAMP, status VARCHAR, "
        + "chief_complaint VARCHAR");
    expected.put("claims", "claim_id BIGINT, encounter_id BIGINT, patient_id BIGINT, payer_id VARCHAR, "
        + "claim_type VARCHAR, service_date DATE, billed_amount DECIMAL(12,2), allowed_amount DECIMAL(12,2), "
        + "paid_amount DECIMAL(12,2), status VARCHAR");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertEquals(e.getValue(), duck.columns(e.getKey()), e.getKey());
    }
  }

  @Test
  void claimsBelongToTheirEncounter() throws Exception {
    String[][] fks = {{"encounters", "patient_id", "patients"}, {"claims", "encounter_id", "encounters"},
        {"claims", "patient_id", "patients"}};
    for (String[] fk : fks) {
      assertEquals(0, duck.count("SELECT count(*) FROM " + fk[0] + " c ANTI JOIN " + fk[2] + " p USING (" + fk[1]
          + ")"), fk[0] + "." + fk[1] + " orphans");
    }
    String joined = "SELECT count(*) FROM claims c JOIN encounters e USING (encounter_id) WHERE ";
    assertEquals(0, duck.count(joined + "c.patient_id <> e.patient_id"), "the claim's patient is the encounter's");
    assertEquals(0, duck.count(joined + "c.service_date < e.admit_datetime::DATE OR c.service_date > "
        + "coalesce(e.discharge_datetime, e.admit_datetime + INTERVAL 168 HOUR)::DATE"), "service date in the stay");
    assertTrue(duck.count(joined + "c.service_date > e.admit_datetime::DATE") > 200, "long stays bill later days");
    assertEquals(0, duck.count("SELECT count(*) FROM claims WHERE NOT (paid_amount <= allowed_amount AND "
        + "allowed_amount <= billed_amount) OR billed_amount NOT BETWEEN 50 AND 50000"));
    assertEquals(0, duck.count("SELECT count(*) FROM claims WHERE allowed_amount < billed_amount * 0.6 - 0.01 "
        + "OR allowed_amount > billed_amount * 0.9 + 0.01 OR paid_amount < 0"));
    assertEquals(0, duck.count("SELECT count(*) FROM claims WHERE status = 'Denied' AND paid_amount <> 0"));
    assertEquals(0, duck.count("SELECT count(*) FROM claims c JOIN encounters e USING (encounter_id) "
        + "JOIN patients p ON p.patient_id = e.patient_id WHERE e.admit_datetime::DATE < p.date_of_birth"),
        "nobody is seen before birth");
  }

  @Test
  void amountsAndStaysFollowTheKindOfVisit() throws Exception {
    String byType = "SELECT median(c.billed_amount) FROM claims c JOIN encounters e USING (encounter_id) "
        + "WHERE e.encounter_type = ";
    double inpatient = duck.number(byType + "'Inpatient'");
    double emergency = duck.number(byType + "'Emergency'");
    double outpatient = duck.number(byType + "'Outpatient'");
    assertTrue(inpatient > 3 * emergency && emergency > 3 * outpatient, inpatient + " " + emergency + " " + outpatient);
    String los = "SELECT avg(date_diff('minute', admit_datetime, discharge_datetime)) / 60.0 FROM encounters "
        + "WHERE encounter_type = ";
    assertTrue(duck.number(los + "'Inpatient'") > 48, "inpatient stays last days");
    assertTrue(duck.number(los + "'Outpatient'") < 3, "clinic visits last hours");
    assertEquals(0, duck.count("SELECT count(*) FROM encounters WHERE discharge_datetime < admit_datetime + "
        + "INTERVAL 1 HOUR OR discharge_datetime > admit_datetime + INTERVAL 168 HOUR"));
    assertEquals(0, duck.count("SELECT count(*) FROM encounters WHERE (discharge_datetime IS NULL) <> "
        + "(status = 'Active')"), "only active encounters have no discharge");
    double institutional = duck.number("SELECT avg(CASE WHEN claim_type = 'Institutional' THEN 1 ELSE 0 END) "
        + "FROM claims c JOIN encounters e USING (encounter_id) WHERE e.encounter_type = 'Inpatient'");
    assertTrue(institutional > 0.8, "stays are billed institutionally: " + institutional);
  }

  @Test
  void peopleAreBelievable() throws Exception {
    assertEquals(0, duck.count("SELECT count(*) FROM patients WHERE gender = 'F' AND first_name IN "
        + "(SELECT name FROM male_names EXCEPT SELECT name FROM female_names)"), "no male-only name on a woman");
    assertEquals(0, duck.count("SELECT count(*) FROM patients WHERE gender = 'M' AND first_name IN "
        + "(SELECT name FROM female_names EXCEPT SELECT name FROM male_names)"), "no female-only name on a man");
    assertEquals(0, duck.count("SELECT count(*) FROM patients WHERE email <> lower(regexp_replace(first_name, "
        + "'[^A-Za-z]', '', 'g')) || '.' || lower(regexp_replace(last_name, '[^A-Za-z]', '', 'g')) || "
        + "CAST(patient_id % 1000 AS VARCHAR) || '@example.com'"), "email derived from the name");
    assertEquals(0, duck.count("SELECT count(*) FROM patients p ANTI JOIN us_zip3 z "
        + "ON z.abbr = p.state AND z.zip3 = substr(p.zip_code, 1, 3)"), "the zip prefix is the state's");
    assertEquals(0, duck.count("SELECT count(*) FROM patients p ANTI JOIN us_area a "
        + "ON a.abbr = p.state AND a.area_code = substr(p.phone, 2, 3) WHERE p.phone IS NOT NULL"),
        "the area code is the state's");
    assertEquals(0, duck.count("SELECT count(*) FROM patients WHERE NOT regexp_full_match(zip_code, '[0-9]{5}') "
        + "OR NOT regexp_full_match(phone, '\\([2-9][0-9]{2}\\) [2-9][0-9]{2}-[0-9]{4}') "
        + "OR NOT regexp_full_match(mrn, 'MRN[1-9][0-9]{9}') OR NOT regexp_full_match(ssn_last4, '[0-9]{4}') "
        + "OR NOT regexp_full_match(insurance_id, 'INS-[0-9]{8}')"));
    assertTrue(duck.count("SELECT count(DISTINCT state) FROM patients") >= 45, "states by population");
    assertRate(0.12, duck.count("SELECT count(*) FROM patients WHERE state = 'CA'"), PATIENTS, "CA share");
    String age = "date_diff('year', date_of_birth, DATE '2025-01-01')";
    assertEquals(0, duck.count("SELECT count(*) FROM patients WHERE " + age + " NOT BETWEEN 0 AND 101 OR "
        + "date_of_birth > DATE '2024-07-04'"));
    assertRate(0.22, duck.count("SELECT count(*) FROM patients WHERE date_of_birth > DATE '2007-01-01'"), PATIENTS,
        "children");
    assertRate(0.17, duck.count("SELECT count(*) FROM patients WHERE date_of_birth <= DATE '1960-01-01'"), PATIENTS,
        "65 and over");
  }

  @Test
  void weightsAndNullRatesAreTheReferences() throws Exception {
    assertRate(0.49, duck.count("SELECT count(*) FROM patients WHERE gender = 'M'"), PATIENTS, "M");
    assertRate(0.02, duck.count("SELECT count(*) FROM patients WHERE gender = 'Other'"), PATIENTS, "Other");
    assertRate(0.05, duck.count("SELECT count(*) FROM patients WHERE email IS NULL"), PATIENTS, "email NULLs");
    assertRate(0.02, duck.count("SELECT count(*) FROM patients WHERE phone IS NULL"), PATIENTS, "phone NULLs");
    assertRate(0.9, duck.count("SELECT count(*) FROM patients WHERE is_active"), PATIENTS, "is_active");
    long e = 3 * PATIENTS;
    assertRate(0.10, duck.count("SELECT count(*) FROM encounters WHERE discharge_datetime IS NULL"), e, "discharge");
    assertRate(0.01, duck.count("SELECT count(*) FROM encounters WHERE chief_complaint IS NULL"), e, "complaint");
    assertRate(0.85, duck.count("SELECT count(*) FROM encounters WHERE status = 'Completed'"), e, "Completed");
    assertRate(0.05, duck.count("SELECT count(*) FROM claims WHERE paid_amount IS NULL"), e, "paid NULLs");
    assertRate(0.70, duck.count("SELECT count(*) FROM claims WHERE status = 'Paid'"), e, "Paid");
    assertRate(0.10, duck.count("SELECT count(*) FROM claims WHERE status = 'Denied'"), e, "Denied");
    // per-patient attributes: the effective sample is the patients, so a wider tolerance
    String[] payers = {"Medicare", "Medicaid", "Blue Cross", "Aetna", "United", "Cigna", "Self-Pay"};
    double[] shares = {25, 15, 20, 15, 15, 8, 2};
    for (int i = 0; i < payers.length; i++) {
      assertEquals(shares[i] / 100, duck.number("SELECT avg(CASE WHEN payer_id = '" + payers[i]
          + "' THEN 1 ELSE 0 END) FROM claims"), 0.025, payers[i]);
    }
    assertEquals(0.30, duck.number("SELECT avg(CASE WHEN claim_type = 'Institutional' THEN 1 ELSE 0 END) "
        + "FROM claims"), 0.025, "Institutional");
    String[] types = {"Outpatient", "Inpatient", "Emergency", "Observation", "Telehealth"};
    double[] weights = {50, 20, 15, 10, 5};
    String quiet = " FROM encounters WHERE admit_datetime::DATE NOT BETWEEN '2024-12-01' AND '2024-12-10'";
    for (int i = 0; i < types.length; i++) {
      assertEquals(weights[i] / 100, duck.number("SELECT avg(CASE WHEN encounter_type = '" + types[i]
          + "' THEN 1 ELSE 0 END)" + quiet), 0.025, types[i] + " outside the outbreak");
    }
    double perElder = duck.number("SELECT count(*) / count(DISTINCT p.patient_id) FILTER (WHERE TRUE) FROM "
        + "encounters e JOIN patients p USING (patient_id) WHERE p.date_of_birth <= DATE '1959-01-01'");
    double perAdult = duck.number("SELECT count(*) / count(DISTINCT p.patient_id) FROM encounters e JOIN patients "
        + "p USING (patient_id) WHERE p.date_of_birth BETWEEN DATE '1981-01-02' AND DATE '2006-12-31'");
    assertTrue(perElder > 1.8 * perAdult, "older patients visit more: " + perElder + " vs " + perAdult);
  }

  @Test
  void timeLooksReal() throws Exception {
    assertEquals(0, duck.count("SELECT count(*) FROM encounters WHERE admit_datetime < TIMESTAMP '2024-07-05' OR "
        + "admit_datetime >= TIMESTAMP '2025-01-01'"), "the 180 days before the reference date");
    double weekend = duck.number(DAYS + "SELECT avg(n) FILTER (WHERE dow >= 6 AND" + ORDINARY + ") / "
        + "avg(n) FILTER (WHERE dow BETWEEN 2 AND 4 AND" + ORDINARY + ") FROM days");
    assertEquals(0.425, weekend, 0.06, "a weekend day against a Tuesday-Thursday");
    double holiday = duck.number(DAYS + "SELECT avg(n) FILTER (WHERE day IN ('2024-11-28', '2024-12-25')) / "
        + "avg(n) FILTER (WHERE dow IN (3, 4) AND m IN (11, 12) AND" + ORDINARY + ") FROM days");
    assertTrue(holiday < 0.5, "Thanksgiving and Christmas are quiet: " + holiday);
    double winter = duck.number(DAYS + "SELECT avg(n) FILTER (WHERE m = 12 AND dow <= 5 AND" + ORDINARY + ") / "
        + "avg(n) FILTER (WHERE m IN (7, 8) AND dow <= 5 AND" + ORDINARY + ") FROM days");
    assertEquals(1.15 / 0.91, winter, 0.12, "December against July-August");
    double outbreak = duck.number(DAYS + "SELECT avg(n) FILTER (WHERE outbreak) / avg(n) FILTER (WHERE day BETWEEN "
        + "'2024-12-11' AND '2024-12-20') FROM days");
    assertEquals(2.0, outbreak, 0.3, "the outbreak doubles volume");
    String respiratory = "avg(CASE WHEN chief_complaint IN ('Fever', 'Cough', 'Shortness of breath') THEN 1 "
        + "ELSE 0 END)";
    double in = duck.number("SELECT " + respiratory + " FROM encounters WHERE admit_datetime::DATE BETWEEN "
        + "'2024-12-01' AND '2024-12-10'");
    double out = duck.number("SELECT " + respiratory + " FROM encounters WHERE admit_datetime::DATE NOT BETWEEN "
        + "'2024-12-01' AND '2024-12-10'");
    assertTrue(in > 1.8 * out, "respiratory complaints during the outbreak: " + in + " vs " + out);
    double night = duck.number("SELECT avg(CASE WHEN hour(admit_datetime) BETWEEN 1 AND 4 THEN 1 ELSE 0 END) "
        + "FROM encounters");
    assertTrue(night < 0.04, "few admissions at 1-4 am: " + night);
    double clinicWeekday = duck.number("SELECT avg(CASE WHEN encounter_type = 'Outpatient' THEN 1 ELSE 0 END) "
        + "FROM encounters WHERE isodow(admit_datetime) <= 5 AND hour(admit_datetime) BETWEEN 9 AND 16");
    double clinicWeekend = duck.number("SELECT avg(CASE WHEN encounter_type = 'Outpatient' THEN 1 ELSE 0 END) "
        + "FROM encounters WHERE isodow(admit_datetime) >= 6");
    assertTrue(clinicWeekday > 4 * clinicWeekend, "clinics open on weekdays: " + clinicWeekday + " vs "
        + clinicWeekend);
  }

  private static void assertRate(double expected, long count, long n, String what) {
    assertEquals(expected, count / (double) n, Stats.binomialTolerance(expected, n), what);
  }
}
