package io.synthgen.draft.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.Plan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MySQL (SHOW CREATE TABLE): backticks, AUTO_INCREMENT, ENUM, SET, TINYINT(1), BIT(1), UNSIGNED, KEY, ENGINE=. */
class MySqlDdlTest {

  static final String DDL = DdlRuns.resource("mysql.sql");

  @TempDir
  Path dir;

  @Test
  void generatedRowsKeepTheSchema() throws Exception {
    DdlRuns.runAndCheck(DDL, dir.resolve("out"));
  }

  /** Names JSqlParser reserves parse when the DDL quotes them, and words it does not reserve without quotes. */
  @Test
  void reservedWordsAsColumnNames() throws Exception {
    Plan p = DdlRuns.runAndCheck("""
        CREATE TABLE `events` (
          `id` INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
          `order` INT NOT NULL CHECK (`order` BETWEEN 1 AND 5),
          `limit` DECIMAL(6,2),
          offset INT,
          `date` DATE NOT NULL,
          type VARCHAR(8) NOT NULL DEFAULT 'a' CHECK (type IN ('a', 'b'))
        );
        """, dir.resolve("reserved"));
    assertEquals(List.of("id", "order", "limit", "offset", "date", "type"),
        p.table("events").orElseThrow().columns().stream().map(io.synthgen.plan.Column::name).toList());
  }

  @Test
  void mapsMySqlTypesAndClauses() throws Exception {
    Plan p = DdlRuns.plan(DDL);
    assertEquals("id", p.table("customers").orElseThrow().primaryKey());
    assertEquals("people who bought at least once", p.table("customers").orElseThrow().description(),
        "COMMENT= after the column list");
    assertEquals("bigint", PostgresDdlTest.col(p, "customers", "id").type().toString(), "INT UNSIGNED");
    ColumnGen.Values membership = (ColumnGen.Values) PostgresDdlTest.col(p, "customers", "membership").gen();
    assertEquals(List.of("basic", "plus", "premium"), membership.values(), "ENUM");
    assertEquals(List.of(2.0, 1.0, 1.0), membership.weights(), "DEFAULT 'basic' the most common");
    assertEquals("boolean", PostgresDdlTest.col(p, "customers", "newsletter").type().toString(), "TINYINT(1)");
    assertEquals(0.2, ((ColumnGen.Bool) PostgresDdlTest.col(p, "customers", "newsletter").gen()).probability(),
        "DEFAULT '0'");
    assertEquals(0.2, ((ColumnGen.Bool) PostgresDdlTest.col(p, "orders", "gift").gen()).probability(),
        "BIT(1) DEFAULT b'0'");
    assertTrue(PostgresDdlTest.col(p, "customers", "name").note().contains("as printed on invoices"),
        "COMMENT on a column");
    assertTrue(PostgresDdlTest.col(p, "customers", "email").unique(), "UNIQUE KEY");
    assertEquals("categories.id", ((ColumnGen.ForeignKey) PostgresDdlTest.col(p, "products", "category_id").gen())
        .references());
    assertEquals(List.of("S", "M", "L", "XL"),
        ((ColumnGen.Values) PostgresDdlTest.col(p, "products", "size").gen()).values(), "SET");
    double[] qty = DdlRuns.range(PostgresDdlTest.col(p, "order_lines", "qty"));
    assertTrue(qty[0] >= 1 && qty[1] <= 12, "CHECK (qty between 1 and 12): " + java.util.Arrays.toString(qty));
    assertInstanceOf(ColumnGen.Sequence.class, PostgresDdlTest.col(p, "order_lines", "id").gen());
    assertTrue(p.description().contains("DROP TABLE"), p.description());
  }

  /** MySQL and Spark read DECIMAL without precision as DECIMAL(10,0), Snowflake as NUMBER(38,0). */
  @Test
  void aDecimalWithoutPrecisionIsAnIntegerOutsidePostgres() throws Exception {
    Plan my = DdlRuns.runAndCheck("CREATE TABLE `t` (`id` int NOT NULL AUTO_INCREMENT, `amount` decimal NOT NULL, "
        + "PRIMARY KEY (`id`)) ENGINE=InnoDB;", dir.resolve("my"));
    io.synthgen.plan.Column a = my.table("t").orElseThrow().column("amount").orElseThrow();
    assertEquals(io.synthgen.plan.DataType.BIGINT, a.type());
    assertTrue(DdlRuns.range(a)[1] <= 9_999_999_999d && DdlRuns.range(a)[0] >= -9_999_999_999d);
    Plan spark = DdlRuns.plan("CREATE TABLE main.s.t (id BIGINT, amount DECIMAL NOT NULL, CONSTRAINT pk PRIMARY KEY "
        + "(id)) USING DELTA;");
    assertEquals(io.synthgen.plan.DataType.BIGINT, spark.table("t").orElseThrow().column("amount").orElseThrow()
        .type());
    Plan pg = DdlRuns.plan("CREATE TABLE t (id serial PRIMARY KEY, amount numeric NOT NULL);");
    assertEquals(io.synthgen.plan.DataType.decimal(18, 2), pg.table("t").orElseThrow().column("amount")
        .orElseThrow().type());
  }

  /** MySQL's DOUBLE(5,2) holds -999.99 to 999.99, rounded to 2 decimals. */
  @Test
  void aDoubleWithPrecisionAndScaleIsRoundedAndBounded() throws Exception {
    Path out = dir.resolve("dbl");
    DdlRuns.runAndCheck("CREATE TABLE `t` (`id` int NOT NULL AUTO_INCREMENT, `price` double(5,2) NOT NULL, "
        + "`w` float(4,1), PRIMARY KEY (`id`)) ENGINE=InnoDB;", out);
    try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.Statement st = db.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SELECT count(*), count(*) FILTER (WHERE round(price, 2) <> price "
            + "OR abs(price) > 999.99 OR round(w, 1) <> w OR abs(w) > 999.9), count(DISTINCT price) FROM '"
            + out.resolve("t.parquet") + "'")) {
      rs.next();
      assertTrue(rs.getLong(1) > 0);
      assertEquals(0, rs.getLong(2), "values rounded and within the type");
      assertTrue(rs.getLong(3) > 1);
    }
  }
}
