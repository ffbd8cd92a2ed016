package io.synthgen.draft.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.Plan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snowflake (GET_DDL): upper-case names, quoted identifiers, NUMBER(p,s), TIMESTAMP_NTZ/LTZ/TZ, AUTOINCREMENT and
 * IDENTITY with START/INCREMENT, CLUSTER BY, DATA_RETENTION_TIME_IN_DAYS, COMMENT =.
 */
class SnowflakeDdlTest {

  static final String DDL = DdlRuns.resource("snowflake.sql");

  @TempDir
  Path dir;

  @Test
  void generatedRowsKeepTheSchema() throws Exception {
    DdlRuns.runAndCheck(DDL, dir.resolve("out"));
  }

  @Test
  void mapsSnowflakeTypesAndClauses() throws Exception {
    Plan p = DdlRuns.plan(DDL);
    assertEquals(List.of("ACCOUNTS", "CONTACTS", "OPPORTUNITIES", "ACTIVITIES"),
        p.tables().stream().map(io.synthgen.plan.Table::name).toList());
    assertEquals("bigint", PostgresDdlTest.col(p, "ACCOUNTS", "ACCOUNT_ID").type().toString(), "NUMBER(38,0)");
    assertEquals("decimal(14,2)", PostgresDdlTest.col(p, "ACCOUNTS", "ANNUAL_REVENUE").type().toString());
    assertEquals("int", PostgresDdlTest.col(p, "OPPORTUNITIES", "PROBABILITY").type().toString(), "NUMBER(3,0)");
    assertEquals("timestamp", PostgresDdlTest.col(p, "CONTACTS", "LAST_LOGIN").type().toString(), "TIMESTAMP_LTZ");
    // a quoted identifier that is no plan name becomes one, and the note says what the DDL called it
    assertTrue(PostgresDdlTest.col(p, "ACCOUNTS", "Account_Name").note().contains("\"Account Name\" in the DDL"));
    assertEquals("CRM accounts", p.table("ACCOUNTS").orElseThrow().description(), "COMMENT='...'");
    assertEquals("pipeline", p.table("OPPORTUNITIES").orElseThrow().description(), "COMMENT = '...'");
    assertEquals(new ColumnGen.Sequence(1, 1), PostgresDdlTest.col(p, "CONTACTS", "CONTACT_ID").gen(),
        "IDENTITY(1,1)");
    assertEquals("ACCOUNTS.ACCOUNT_ID", ((ColumnGen.ForeignKey) PostgresDdlTest.col(p, "CONTACTS", "ACCOUNT_ID")
        .gen()).references(), "inline REFERENCES with a three-part name");
    double[] prob = DdlRuns.range(PostgresDdlTest.col(p, "OPPORTUNITIES", "PROBABILITY"));
    assertTrue(prob[0] >= 0 && prob[1] <= 100, java.util.Arrays.toString(prob));
    assertTrue(PostgresDdlTest.col(p, "ACTIVITIES", "DURATION_MIN").note().contains("minutes spent"),
        "COMMENT ON COLUMN");
    assertEquals(List.of("call", "email", "meeting"),
        ((ColumnGen.Values) PostgresDdlTest.col(p, "ACTIVITIES", "KIND").gen()).values());
  }
}
