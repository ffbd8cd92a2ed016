package io.synthgen.server.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.DataType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The warehouse profile's SQL text, names and shapes, without a warehouse (SourceProfilesIT runs it on Spark). */
class SourceProfilesTest {

  @Test
  void identifiersAreQuotedAndRareValuesWithheldInsideTheStatement() {
    String t = new UcTableName("main", "sales", "or`ders").sql();
    assertEquals("`main`.`sales`.`or``ders`", t);
    String top = ProfileSql.topValues(t, "ti`er", 10, false);
    assertTrue(top.startsWith("SELECT CASE WHEN s.n >= 10 THEN s.v END, s.n, s.d FROM (SELECT `ti``er` AS v"), top);
    assertTrue(top.endsWith("ORDER BY s.n DESC, s.v LIMIT 100"), top);
    assertTrue(ProfileSql.topValues(t, "tier", 10, true).startsWith("SELECT s.v, s.n"), "allowed values come back");
    String shapes = ProfileSql.shapes(t, "sku", 5);
    assertTrue(shapes.contains("CASE WHEN s.n >= 5 THEN s.lo END"), shapes);
    assertTrue(shapes.contains("length(`sku`) <= 64"), shapes);
    assertEquals("SELECT count(*) AS `v0`, count(`a`) AS `v1`, approx_count_distinct(`a`, 0.01) AS `v2` FROM " + t,
        ProfileSql.counts(t, List.of("a")));
  }

  @Test
  void summariesHaveOneExpressionListPerKind() {
    List<String> n = ProfileSql.summaryOf("x", DataType.DOUBLE, 1000);
    assertEquals(7, n.size());
    assertTrue(n.get(4).startsWith("to_json(percentile_approx(CAST(`x` AS DOUBLE), array(0.010000, 0.990000, 0.002500"),
        n.get(4));
    assertEquals(1 + 2 + ProfileSql.QUANTILES, n.get(4).split(",").length, "the cast, two bounds, the quantiles");
    assertEquals(7, ProfileSql.summaryOf("x", DataType.BIGINT, 5).size());
    assertTrue(ProfileSql.summaryOf("x", DataType.BIGINT, 5).get(4).contains("array(0.500000, 0.500000"),
        "with fewer than 2k values the bounds are the median");
    assertEquals(7, ProfileSql.summaryOf("d", DataType.TIMESTAMP, 10).size());
    assertTrue(ProfileSql.summaryOf("d", DataType.DATE, 10).get(0).equals("min(unix_date(`d`))"));
    assertEquals(4, ProfileSql.summaryOf("s", DataType.STRING, 10).size());
    assertEquals(List.of("count_if(`b`)"), ProfileSql.summaryOf("b", DataType.BOOLEAN, 10));
  }

  @Test
  void templatesKeepTheConstantPrefixAndSuffix() {
    assertEquals("SKU-#####", UcTableProfiler.template("AAA-99999", 100, "SKU-10000", "SKU-99999", "00001-UKS",
        "99999-UKS"));
    assertEquals("INV-####-US", UcTableProfiler.template("AAA-9999-AA", 50, "INV-1000-US", "INV-9999-US",
        "SU-0001-VNI", "SU-9999-VNI"));
    assertEquals("??-###", UcTableProfiler.template("AA-999", 50, "AB-100", "ZZ-999", "001-BA", "999-ZZ"));
    assertNull(UcTableProfiler.template("Aaaaa", 50, "Alice", "Willa", "ecilA", "alliW"), "varying lower case");
    assertNull(UcTableProfiler.template("AAA-99999", 50, null, null, null, null), "withheld: fewer than k rows");
    assertNull(UcTableProfiler.template("99", 1, "12", "12", "21", "21"), "one value is the value itself");
  }

  @Test
  void typesAndNames() {
    assertEquals(DataType.decimal(10, 2), UcTypes.of("decimal(10,2)"));
    assertEquals(DataType.DOUBLE, UcTypes.of("DECIMAL(38,6)"));
    assertEquals(DataType.INT, UcTypes.of("smallint"));
    assertEquals(DataType.TIMESTAMP, UcTypes.of("timestamp_ntz"));
    assertEquals(DataType.STRING, UcTypes.of("varchar(20)"));
    assertNull(UcTypes.of("array<string>"));
    assertNull(UcTypes.of("struct<a:int>"));
    Set<String> taken = new HashSet<>();
    assertEquals("Unit_Price", SourceProfiles.identifier("Unit Price", taken));
    assertEquals("unit_price_2", SourceProfiles.identifier("unit-price", taken), "unique ignoring case");
    assertEquals("_2024", SourceProfiles.identifier("2024", taken));
    assertNull(UcTableName.parse("main.sales"));
    assertNull(UcTableName.parse("main.sa les.orders"));
    assertEquals("main.sales.orders", UcTableName.parse("main.sales.orders").toString());
  }

  @Test
  void foreignKeysNeedANameTie() {
    assertTrue(SourceProfiles.tied("customer_id", "customers", "customer_id"));
    assertTrue(SourceProfiles.tied("customer_id", "customers", "id"));
    assertTrue(SourceProfiles.tied("billing_customer_id", "customers", "id"));
    assertTrue(SourceProfiles.tied("category_code", "categories", "code"));
    assertFalse(SourceProfiles.tied("quantity", "customers", "id"));
    assertFalse(SourceProfiles.tied("id", "customers", "id"));
  }
}
