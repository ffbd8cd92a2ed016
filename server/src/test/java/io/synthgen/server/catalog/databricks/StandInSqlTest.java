package io.synthgen.server.catalog.databricks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The stand-in's SQL rewrite, without Spark: which names and paths change, and what is left alone. */
class StandInSqlTest {

  private static final StandInSql.Names NAMES = new StandInSql.Names() {
    @Override
    public String table(String catalog, String schema, String table) {
      if ("missing".equals(schema)) {
        throw new StandInSql.Unresolved("[SCHEMA_NOT_FOUND] " + schema);
      }
      return StandInSql.quote("db_" + catalog + "__" + schema) + "." + StandInSql.quote(table);
    }

    @Override
    public String path(String volumePath) {
      return "/tmp/ws/volumes" + volumePath.substring("/Volumes".length());
    }
  };

  @Test
  void thePublishersCreateTableAsSelectIsRewritten() {
    String sql = "CREATE OR REPLACE TABLE `demo`.`retail`.`customers` USING DELTA COMMENT 'Customers, it\\'s one row each'"
        + " TBLPROPERTIES ('synthgen.plan_id' = 'pln_ab12', 'synthgen.seed' = '42') AS SELECT CAST(`customer_id` AS"
        + " BIGINT) AS `customer_id`, CAST(`amount` AS DECIMAL(10,2)) AS `amount` FROM"
        + " parquet.`/Volumes/demo/retail/synthgen_staging/pln_ab12-v2/customers`";
    assertEquals("CREATE OR REPLACE TABLE `db_demo__retail`.`customers` USING DELTA COMMENT 'Customers, it\\'s one row"
        + " each' TBLPROPERTIES ('synthgen.plan_id' = 'pln_ab12', 'synthgen.seed' = '42') AS SELECT CAST(`customer_id`"
        + " AS BIGINT) AS `customer_id`, CAST(`amount` AS DECIMAL(10,2)) AS `amount` FROM"
        + " parquet.`/tmp/ws/volumes/demo/retail/synthgen_staging/pln_ab12-v2/customers`",
        StandInSql.translate(sql, NAMES));
  }

  @Test
  void literalsCommentsAndShorterNamesAreLeftAlone() {
    String sql = "SELECT '`demo`.`a`.`b`', 'it\\'s `x`.`y`.`z`', \"`/Volumes/a/b/c`\", `t`.`col`, `c`, 1.5e3 -- `a`.`b`.`c`\n"
        + "/* parquet.`/Volumes/a/b/c/d` */ FROM `demo`.`retail`.`t`";
    assertEquals("SELECT '`demo`.`a`.`b`', 'it\\'s `x`.`y`.`z`', \"`/Volumes/a/b/c`\", `t`.`col`, `c`, 1.5e3 -- `a`.`b`.`c`\n"
        + "/* parquet.`/Volumes/a/b/c/d` */ FROM `db_demo__retail`.`t`", StandInSql.translate(sql, NAMES));
  }

  @Test
  void doubledBackticksAndUnquotedNamesResolve() {
    assertEquals("ALTER TABLE `db_de``mo__retail`.`cust``omers` ALTER COLUMN `id` COMMENT 'Primary key'",
        StandInSql.translate("ALTER TABLE `de``mo`.`retail`.`cust``omers` ALTER COLUMN `id` COMMENT 'Primary key'",
            NAMES));
    assertEquals("SELECT count(*) AS `n` FROM `db_demo__retail`.`customers`",
        StandInSql.translate("SELECT count(*) AS `n` FROM demo.retail.customers", NAMES));
  }

  @Test
  void aMissingSchemaIsReported() {
    assertThrows(StandInSql.Unresolved.class,
        () -> StandInSql.translate("INSERT INTO `demo`.`missing`.`t` SELECT 1", NAMES));
  }

  @Test
  void quotingHelpersEscapeLikeThePublisher() {
    assertEquals("`a``b`", StandInSql.quote("a`b"));
    assertEquals("'it\\'s a \\\\ path'", StandInSql.literal("it's a \\ path"));
  }
}
