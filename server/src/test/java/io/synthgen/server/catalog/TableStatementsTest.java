package io.synthgen.server.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import io.synthgen.template.Templates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SQL that loads one table: casts in plan order, comments and properties as literals, no plan expressions. */
class TableStatementsTest {

  private static final String DIR = "/Volumes/main/sales/synthgen_staging/shop-0123456789ab/orders";
  private static final String SELECT = "SELECT CAST(`id` AS BIGINT) AS `id`, CAST(`qty` AS INT) AS `qty`, "
      + "CAST(`score` AS DOUBLE) AS `score`, CAST(`price` AS DECIMAL(10,2)) AS `price`, "
      + "CAST(`label` AS STRING) AS `label`, CAST(`active` AS BOOLEAN) AS `active`, CAST(`born` AS DATE) AS `born`, "
      + "CAST(`seen` AS TIMESTAMP) AS `seen` FROM parquet.`" + DIR + "`";

  private static Column col(String name, DataType type, ColumnGen gen, boolean omit, String note) {
    return new Column(name, type, gen, 0, omit, false, note);
  }

  /** Every type, a helper column, an expression column and notes that need escaping. */
  private static final Table ORDERS = new Table("orders", 100, "id", "Orders placed online.", null, List.of(
      col("id", DataType.BIGINT, new ColumnGen.Sequence(1, 1), false, "surrogate key"),
      col("helper", DataType.BIGINT, new ColumnGen.Expression("id * 7 + helper_expr_marker"), true, "helper note"),
      col("qty", DataType.INT, new ColumnGen.Uniform(1, 10, 1.0), false, null),
      col("score", DataType.DOUBLE, new ColumnGen.Uniform(0, 1, null), false, "  "),
      col("price", DataType.decimal(10, 2), new ColumnGen.Uniform(1, 99, null), false, "it's \"net\", in €"),
      col("label", DataType.STRING, new ColumnGen.Expression("upper(label_expr_marker) || '; DROP TABLE t'"), false,
          "derived\nfrom qty"),
      col("active", DataType.BOOLEAN, new ColumnGen.Bool(0.5), false, null),
      col("born", DataType.DATE, new ColumnGen.DateRange("2020-01-01", "2024-12-31", null, null), false, null),
      col("seen", DataType.TIMESTAMP, new ColumnGen.DateRange("ref-30d", "ref", null, null), false, null)));

  private final TableStatements st = new TableStatements("main", "sales", ORDERS);

  private static Map<String, String> props() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("synthgen.synthetic", "true");
    m.put("synthgen.plan_hash", "0123456789ab");
    return m;
  }

  @Test
  void createCastsEveryColumnToItsPlanTypeInPlanOrderWithCommentAndProperties() {
    assertEquals("CREATE OR REPLACE TABLE `main`.`sales`.`orders` USING DELTA COMMENT 'Orders placed online.' "
        + "TBLPROPERTIES ('synthgen.synthetic' = 'true', 'synthgen.plan_hash' = '0123456789ab') AS " + SELECT,
        st.create(true, "Orders placed online.", props(), DIR));
    assertTrue(st.create(false, "x", props(), DIR).startsWith("CREATE TABLE `main`.`sales`.`orders` USING DELTA"));
  }

  @Test
  void insertNamesTheTargetColumnsSoAnExistingTableInAnotherOrderStillFits() {
    assertEquals("INSERT INTO `main`.`sales`.`orders` (`id`, `qty`, `score`, `price`, `label`, `active`, `born`, "
        + "`seen`) " + SELECT, st.insert(DIR));
  }

  @Test
  void columnCommentsForNotedOutputColumnsOnlyAsLiterals() {
    assertEquals(List.of(
        "ALTER TABLE `main`.`sales`.`orders` ALTER COLUMN `id` COMMENT 'surrogate key'",
        "ALTER TABLE `main`.`sales`.`orders` ALTER COLUMN `price` COMMENT 'it\\'s \"net\", in €'",
        "ALTER TABLE `main`.`sales`.`orders` ALTER COLUMN `label` COMMENT 'derived\\nfrom qty'"),
        st.columnComments());
    assertEquals("SELECT count(*) AS `n` FROM `main`.`sales`.`orders`", st.count());
  }

  @Test
  void noPlanExpressionReachesAnyStatement() {
    for (String sql : all(st, DIR)) {
      assertFalse(sql.contains("expr_marker") || sql.contains("DROP") || sql.contains("helper"), sql);
      SqlTokens.tokenize(sql);
    }
  }

  @Test
  void noExpressionOfTheRetailTemplateReachesItsStatements() throws Exception {
    Plan retail = Templates.load("retail");
    List<String> exprs = new ArrayList<>();
    retail.tables().forEach(t -> t.columns().forEach(c -> {
      if (c.gen() instanceof ColumnGen.Expression e) {
        exprs.add(e.expr());
      }
    }));
    assertTrue(exprs.size() > 5, exprs.toString());
    for (Table t : retail.tables()) {
      for (String sql : all(new TableStatements("main", "retail", t), "/Volumes/main/retail/v/" + t.name())) {
        exprs.forEach(x -> assertFalse(sql.contains(x), x + " in " + sql));
      }
    }
  }

  private static List<String> all(TableStatements s, String dir) {
    List<String> out = new ArrayList<>(List.of(s.create(true, "c", props(), dir), s.insert(dir), s.count()));
    out.addAll(s.columnComments());
    return out;
  }

  @Test
  void mismatchesReportMissingExtraAndDifferentlyTypedColumns() {
    RemoteTable existing = new RemoteTable("main.sales.orders", List.of(
        new RemoteTable.Column("ID", "BIGINT"), new RemoteTable.Column("qty", "integer"),
        new RemoteTable.Column("score", "double"), new RemoteTable.Column("price", "decimal(10, 2)"),
        new RemoteTable.Column("label", "int"), new RemoteTable.Column("active", "boolean"),
        new RemoteTable.Column("born", "date"), new RemoteTable.Column("extra", "string")), Map.of());
    assertEquals(List.of(
        "column label is int in main.sales.orders, the plan has string",
        "column seen (timestamp) is missing from main.sales.orders",
        "column extra of main.sales.orders is not in the plan"), st.mismatches(existing));
  }

  @Test
  void noMismatchWhenTheTableHasThePlansColumnsInAnyOrderAndSpelling() {
    RemoteTable existing = new RemoteTable("main.sales.orders", List.of(
        new RemoteTable.Column("seen", "timestamp"), new RemoteTable.Column("id", "long"),
        new RemoteTable.Column("qty", "int"), new RemoteTable.Column("score", "DOUBLE"),
        new RemoteTable.Column("price", "decimal(10,2)"), new RemoteTable.Column("label", "string"),
        new RemoteTable.Column("active", "boolean"), new RemoteTable.Column("born", "date")), Map.of());
    assertEquals(List.of(), st.mismatches(existing));
    RemoteTable scale = new RemoteTable("main.sales.orders", existing.columns().stream()
        .map(c -> c.name().equals("price") ? new RemoteTable.Column("price", "decimal(12,2)") : c).toList(), Map.of());
    assertEquals(List.of("column price is decimal(12,2) in main.sales.orders, the plan has decimal(10,2)"),
        st.mismatches(scale));
  }
}
