package io.synthgen.draft.infer;

import static io.synthgen.draft.infer.Match.any;
import static io.synthgen.draft.infer.Match.ends;
import static io.synthgen.draft.infer.Match.first;
import static io.synthgen.draft.infer.Match.last;
import static io.synthgen.draft.infer.Match.name;
import static io.synthgen.draft.infer.When.ALWAYS;
import static io.synthgen.draft.infer.When.about;
import static io.synthgen.draft.infer.When.has;
import static io.synthgen.draft.infer.When.hasAll;

import io.synthgen.plan.DataType;
import io.synthgen.plan.DataType.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The rule table, in order: the first rule whose name match, context condition and declared type fit makes the
 * column. Specific rules (a name in a table about something, a pair of columns) come before general ones.
 * {@code docs/inference.md} shows this table and a test keeps the two in step.
 */
public final class Rules {

  static final Set<Kind> S = EnumSet.of(Kind.STRING);
  static final Set<Kind> N = EnumSet.of(Kind.BIGINT, Kind.INT, Kind.DOUBLE, Kind.DECIMAL);
  static final Set<Kind> I = EnumSet.of(Kind.BIGINT, Kind.INT);
  static final Set<Kind> T = EnumSet.of(Kind.DATE, Kind.TIMESTAMP);
  static final Set<Kind> FLAG = EnumSet.of(Kind.BOOLEAN, Kind.BIGINT, Kind.INT, Kind.STRING);
  static final Set<Kind> SI = EnumSet.of(Kind.STRING, Kind.BIGINT, Kind.INT);
  static final Set<Kind> F = EnumSet.of(Kind.DOUBLE, Kind.DECIMAL);

  static final String[] PEOPLE = {"customer", "user", "employee", "patient", "person", "member", "contact",
      "author", "student", "driver", "agent", "staff", "doctor", "physician", "nurse", "teacher", "owner", "buyer",
      "guest", "passenger", "subscriber", "client", "candidate", "applicant", "player", "volunteer", "donor",
      "tenant", "traveler", "worker", "rep", "representative", "provider", "user_account", "lead", "prospect"};
  static final String[] PERSON_SIBLINGS = {"email", "phone", "birth_date", "date_of_birth", "dob", "gender",
      "first_name", "last_name", "age"};

  /** Last words that make a column a flag in any table. */
  static final String[] FLAG_WORDS = {"discontinued", "remote", "smoker", "readmitted", "detected", "recommended",
      "taxable", "refundable", "returnable", "billable", "featured", "hazardous", "fragile", "organic", "pregnant",
      "diabetic", "veteran", "married", "insured", "exempt", "paused", "suspended", "blocked", "locked", "flagged",
      "anonymous", "recurring", "overdue", "defaulted", "vaccinated", "disabled", "approved", "promoted",
      "escalated", "breached", "expedited", "discounted", "occupied"};

  /**
   * A name of at most three words whose last is a participle ({@code -ed}, not {@code -eed}) or an adjective in
   * {@code -able}/{@code -ible}, in a table where no other rule knows it.
   */
  static Match participle() {
    return new Match("at most 3 words, the last a participle (`-ed`) or an adjective (`-able`, `-ible`)", c -> {
      String w = c.last();
      return c.words().size() <= 3 && w.length() >= 5 && (w.endsWith("ed") && !w.endsWith("eed")
          || w.endsWith("able") || w.endsWith("ible"));
    });
  }

  private static final DataType D = DataType.DOUBLE;
  private static final DataType INT = DataType.INT;

  private static final List<Rule> TABLE = build();

  private Rules() {
  }

  public static List<Rule> table() {
    return TABLE;
  }

  static Rule r(String id, String label, Match m, When w, Set<Kind> types, Template t) {
    return new Rule(id, label, m, w, types, t);
  }

  private static List<Rule> build() {
    List<Rule> l = new ArrayList<>();
    // flags first: is_premium is a flag, not money
    l.add(r("flag", "flag", first("is", "has", "can", "was", "should", "allow", "allows")
        .or(last("flag", "enabled", "verified", "deleted", "subscribed", "churned", "fraud"))
        .or(name("active", "enabled", "opt_in", "optin", "fraud", "churn", "vip", "in_stock")), ALWAYS, FLAG,
        Texts.flag()));
    // adjectives and participles that are flags in any table: discontinued, remote, smoker, marketing_opt_in
    l.add(r("flag.word", "flag", last(FLAG_WORDS).or(ends("opt_in", "opted_in", "opt_out", "opted_out",
        "auto_renew", "autorenew", "auto_pay", "autopay", "auto_renewal")), ALWAYS, FLAG, Texts.flag()));
    // people
    l.add(r("name.parts", "person name", name("name", "full_name", "customer_name", "contact_name"),
        hasAll("first_name", "last_name"), S, Texts.fullNameFromParts()));
    l.add(r("name.category", "category name", name("category_name", "subcategory", "sub_category",
        "subcategory_name"), ALWAYS, S, Texts.dict("product_category")));
    l.add(r("name.of.category", "category name", name("name", "title"), about("category", "subcategory", "genre"),
        S, Texts.dict("product_category")));
    l.add(r("name.of.department", "department name", name("name", "title"), about("department", "division"), S,
        Texts.dict("department")));
    l.add(r("name.product", "product name", name("product_name", "item_name", "product_title", "product"), ALWAYS,
        S, Texts.dict("product_name")));
    l.add(r("name.of.product", "product name", name("name", "title", "display_name"),
        about("product", "item", "sku", "catalog", "listing", "good", "merchandise", "offering", "article")
            .or(has("sku", "unit_price", "list_price", "brand", "msrp", "upc")), S, Texts.dict("product_name")));
    l.add(r("name.brand", "brand name", name("brand", "brand_name", "make"), ALWAYS, S,
        Texts.dict("brand_name")));
    l.add(r("name.of.brand", "brand name", name("name"), about("brand", "label", "make"), S,
        Texts.dict("brand_name")));
    l.add(r("name.company", "company name", name("company", "company_name", "employer", "vendor", "vendor_name",
        "supplier", "supplier_name", "manufacturer", "merchant", "merchant_name", "organization", "organisation",
        "org_name", "business_name", "account_name", "client_company", "insurer", "payer_name"), ALWAYS, S,
        Texts.dict("company")));
    l.add(r("name.of.company", "company name", name("name", "legal_name", "display_name"),
        about("company", "vendor", "supplier", "manufacturer", "merchant", "organization", "organisation", "partner",
            "employer", "business", "firm", "insurer", "carrier", "distributor", "advertiser", "tenant_company",
            "account"), S, Texts.dict("company")));
    l.add(r("name.store", "store name", name("store", "store_name", "shop_name", "branch_name", "location_name",
        "outlet_name", "warehouse_name"), ALWAYS, S, Texts.dict("store_name")));
    l.add(r("name.of.store", "store name", name("name", "display_name"),
        about("store", "shop", "branch", "outlet", "location", "warehouse", "restaurant", "dealership", "site"), S,
        Texts.dict("store_name")));
    l.add(r("name.city", "city", name("city", "city_name", "town", "billing_city", "shipping_city", "home_city"),
        ALWAYS, S, Texts.dict("city")));
    l.add(r("name.of.city", "city", name("name"), about("city", "town"), S, Texts.dict("city")));
    l.add(r("name.country", "country", name("country", "country_name", "nationality", "billing_country",
        "shipping_country"), ALWAYS, S, Texts.dict("country")));
    l.add(r("name.of.country", "country", name("name"), about("country", "nation"), S, Texts.dict("country")));
    l.add(r("name.state", "US state", name("state", "state_code", "state_abbr", "billing_state", "shipping_state",
        "province"), ALWAYS, S, Texts.dict("state_abbr")));
    l.add(r("name.state.full", "US state", name("state_name"), ALWAYS, S, Texts.dict("state")));
    l.add(r("name.of.state", "US state", name("name"), about("state"), S, Texts.dict("state")));
    l.add(r("name.hospital", "hospital name", name("hospital", "hospital_name", "facility_name", "clinic_name"),
        ALWAYS, S, Texts.dict("hospital_name")));
    l.add(r("name.of.hospital", "hospital name", name("name"), about("hospital", "clinic", "facility"), S,
        Texts.dict("hospital_name")));
    l.add(r("name.medicine", "medicine", name("medication", "medicine", "drug", "drug_name", "medication_name",
        "medicine_name"), ALWAYS, S, Texts.dict("medicine_name")));
    l.add(r("name.of.medicine", "medicine", name("name"), about("medication", "drug", "medicine", "prescription"),
        S, Texts.dict("medicine_name")));
    l.add(r("category.condition", "category", name("condition", "item_condition", "product_condition"),
        about("return", "refund", "rma", "product", "item", "listing", "inventory", "vehicle", "car", "property",
            "equipment", "asset"), S, Texts.category()));
    l.add(r("name.disease", "disease", name("diagnosis", "disease", "condition", "diagnosis_name",
        "disease_name", "condition_name"), ALWAYS, S, Texts.dict("disease_name")));
    l.add(r("name.of.disease", "disease", name("name"), about("disease", "condition", "diagnosis"), S,
        Texts.dict("disease_name")));
    l.add(r("name.job", "job title", name("job_title", "job", "occupation", "profession", "designation"), ALWAYS,
        S, Texts.dict("job_title")));
    l.add(r("name.of.job", "job title", name("title", "position", "role_title"), about(PEOPLE), S,
        Texts.dict("job_title")));
    l.add(r("name.first", "first name", name("first_name", "firstname", "given_name", "fname", "forename"),
        ALWAYS, S, Texts.dict("first_name")));
    l.add(r("name.middle", "middle name", name("middle_name"), ALWAYS, S,
        nullable(Texts.dict("first_name"), 0.6)));
    l.add(r("name.last", "last name", name("last_name", "lastname", "surname", "family_name", "lname"), ALWAYS, S,
        Texts.dict("last_name")));
    l.add(r("name.prefix", "name prefix", name("prefix", "salutation", "name_prefix", "honorific"), ALWAYS, S,
        Texts.dict("name_prefix")));
    l.add(r("name.person", "person name", name("full_name", "customer_name", "patient_name", "employee_name",
        "contact_name", "owner_name", "author_name", "doctor_name", "physician_name", "member_name",
        "student_name", "driver_name", "agent_name", "manager_name", "rep_name", "sales_rep", "cardholder_name",
        "recipient_name", "beneficiary_name", "guest_name", "passenger_name", "manager", "store_manager",
        "account_manager", "supervisor", "assigned_to", "attending_physician", "referring_physician"), ALWAYS, S,
        Texts.dict("full_name")));
    l.add(r("name.of.person", "person name", name("name", "display_name"),
        about(PEOPLE).or(has(PERSON_SIBLINGS)), S, Texts.dict("full_name")));
    l.add(r("name.other", "placeholder name", name("name", "display_name", "label"), ALWAYS, S,
        Texts.entityName()));
    // contact and web
    l.add(r("email", "email", last("email").or(name("email_address", "e_mail", "mail", "email_addr")), ALWAYS, S,
        Texts.email()));
    l.add(r("phone", "phone", last("phone", "mobile", "telephone", "fax", "cell", "tel")
        .or(ends("phone_number", "phone_no", "mobile_number", "contact_number", "telephone_number")), ALWAYS, S,
        Texts.dict("phone_number")));
    l.add(r("username", "username", name("username", "user_name", "login", "handle", "screen_name", "nickname",
        "user_login"), ALWAYS, S, Texts.username()));
    l.add(r("ip", "IP address", ends("ip", "ip_address", "ipv4", "ip_addr"), ALWAYS, S, Texts.expression(
        "an IPv4 address", "CAST(rand_int(1, 223) AS STRING) || '.' || CAST(rand_int(0, 255) AS STRING) || '.' || "
            + "CAST(rand_int(0, 255) AS STRING) || '.' || CAST(rand_int(1, 254) AS STRING)")));
    l.add(r("url", "URL", last("url", "website", "homepage", "link", "uri"), ALWAYS, S,
        Texts.pattern("https://www.example.com/*******")));
    l.add(r("uuid", "UUID", last("uuid", "guid"), ALWAYS, S, Texts.uuid()));
    l.add(r("mac", "MAC address", ends("mac", "mac_address", "mac_addr"), ALWAYS, S,
        Texts.pattern("##:##:##:##:##:##")));
    l.add(r("address.number", "house number", ends("street_number", "house_number", "building_number"), ALWAYS, S,
        Texts.pattern("!###")));
    l.add(r("address.street", "street address", last("address").or(name("street", "street_address",
        "address_line1", "address_line_1", "address1", "line1", "street_line1")), ALWAYS, S,
        Texts.dict("street_address")));
    l.add(r("address.line2", "address line 2", name("address_line2", "address_line_2", "address2", "line2",
        "apartment", "suite", "apt", "street_line2"), ALWAYS, S, nullable(Texts.pattern("Apt ###"), 0.8)));
    l.add(r("zip.string", "postal code", last("zip", "zipcode", "postcode").or(ends("postal_code", "zip_code",
        "post_code")), ALWAYS, S, Texts.pattern("#####")));
    l.add(r("zip.number", "postal code", last("zip", "zipcode", "postcode").or(ends("postal_code", "zip_code")),
        ALWAYS, I, Numbers.uniform(501, 99950, INT)));
    l.add(r("latitude.us", "latitude", last("lat", "latitude"), has("state", "zip", "zip_code", "state_code"),
        Rules.F, Numbers.uniform(24.5, 49.4, DataType.decimal(9, 6))));
    l.add(r("latitude", "latitude", last("lat", "latitude"), ALWAYS, Rules.F,
        Numbers.uniform(-90, 90, DataType.decimal(9, 6))));
    l.add(r("longitude.us", "longitude", last("lon", "lng", "long", "longitude"),
        has("state", "zip", "zip_code", "state_code"), Rules.F,
        Numbers.uniform(-124.8, -66.9, DataType.decimal(9, 6))));
    l.add(r("longitude", "longitude", last("lon", "lng", "long", "longitude"), ALWAYS, Rules.F,
        Numbers.uniform(-180, 180, DataType.decimal(9, 6))));
    // codes and identifiers
    l.add(r("sku", "SKU", last("sku"), ALWAYS, S, Texts.pattern("SKU-########")));
    l.add(r("barcode", "barcode", last("upc", "barcode"), ALWAYS, S, Texts.pattern("############")));
    l.add(r("ean", "EAN", last("ean", "gtin"), ALWAYS, S, Texts.pattern("#############")));
    l.add(r("isbn", "ISBN", last("isbn"), ALWAYS, S, Texts.pattern("978-#-###-#####-#")));
    l.add(r("iban", "IBAN", last("iban"), ALWAYS, S, Texts.pattern("DE####################")));
    l.add(r("swift", "SWIFT/BIC", ends("swift", "bic", "swift_code", "bic_code"), ALWAYS, S,
        Texts.pattern("????US##")));
    l.add(r("routing", "routing number", ends("routing_number", "aba", "sort_code"), ALWAYS, S,
        Texts.pattern("#########")));
    l.add(r("account.number", "account number", ends("account_number", "account_no", "acct_number"), ALWAYS, S,
        Texts.pattern("##########")));
    l.add(r("card", "card number", ends("card_number", "credit_card", "credit_card_number", "pan", "cc_number"),
        ALWAYS, S, Texts.pattern("4###############")));
    l.add(r("cvv", "card security code", last("cvv", "cvc"), ALWAYS, S, Texts.pattern("###")));
    l.add(r("ssn", "social security number", ends("ssn", "social_security_number"), ALWAYS, S,
        Texts.pattern("###-##-####")));
    l.add(r("ein", "tax id", ends("ein", "tax_id", "tin"), ALWAYS, S, Texts.pattern("##-#######")));
    l.add(r("npi", "NPI", last("npi"), ALWAYS, S, Texts.pattern("!#########")));
    l.add(r("mrn", "medical record number", ends("mrn", "medical_record_number"), ALWAYS, S,
        Texts.pattern("MRN-########")));
    l.add(r("vin", "VIN", last("vin"), ALWAYS, S, Texts.pattern("1HG**************")));
    l.add(r("plate", "licence plate", ends("license_plate", "licence_plate", "plate", "plate_number"), ALWAYS, S,
        Texts.pattern("???-####")));
    l.add(r("tracking", "tracking number", ends("tracking_number", "tracking_no", "tracking_id"), ALWAYS, S,
        Texts.pattern("1Z****************")));
    l.add(r("serial", "serial number", ends("serial_number", "serial_no", "serial"), ALWAYS, S,
        Texts.pattern("SN-**********")));
    l.add(r("flight", "flight number", ends("flight_number", "flight_no"), ALWAYS, S, Texts.pattern("??###")));
    l.add(r("promo", "promotion code", ends("promo_code", "coupon_code", "coupon", "voucher_code", "discount_code"),
        ALWAYS, S, Texts.pattern("SAVE##")));
    l.add(r("version", "version", last("version").or(name("firmware", "firmware_version", "os_version",
        "app_version", "sw_version")), ALWAYS, S, Texts.expression("a version major.minor.patch",
        "CAST(rand_int(1, 5) AS STRING) || '.' || CAST(rand_int(0, 12) AS STRING) || '.' || "
            + "CAST(rand_int(0, 20) AS STRING)")));
    l.add(r("external.id", "id of something outside the plan", last("id"), ALWAYS, SI, Texts.outsideId()));
    // weighted categories that fit the table (orders.status: pending/shipped/...; tier: Free/Pro/Enterprise)
    l.add(r("category.name", "category", Match.vocabularyName(), ALWAYS, SI, Texts.category()));
    l.add(r("code", "code", last("code", "number", "no", "nr", "ref", "reference"), ALWAYS, S, Texts.code()));
    Money.add(l);
    Measures.add(l);
    // after the measurements, so that battery_level is a number and membership_level a category
    l.add(r("category", "category", Match.vocabulary(), ALWAYS, SI, Texts.category()));
    // a single adjective or participle with no other clue (promotion_recommended, motion_detected) is a flag
    l.add(r("flag.participle", "flag", participle(), ALWAYS, EnumSet.of(Kind.BOOLEAN), Texts.flag()));
    // free text
    l.add(r("text", "free text", last("description", "comment", "comments", "notes", "note", "text", "body",
        "message", "summary", "bio", "review", "feedback", "content", "details", "remarks", "subject", "title",
        "headline", "caption", "instructions", "reason_text"), ALWAYS, S, Texts.dict("sentence")));
    return List.copyOf(l);
  }

  /** The template with a null rate the kind of column usually has. */
  static Template nullable(Template t, double nullRate) {
    return new Template(t.doc() + ", " + Fmt.num(nullRate * 100) + "% NULL",
        c -> t.apply(c).nullRate(nullRate));
  }
}
