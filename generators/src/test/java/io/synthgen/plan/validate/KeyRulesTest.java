package io.synthgen.plan.validate;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.plan.json.PlanCodec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A primary key or unique column must be unique by construction; each refused case was accepted before and its run
 * then failed the output check (exit 3), or passed it by luck of the seed.
 */
class KeyRulesTest {

  private static final String HEAD = "{\"format\": \"synthgen.plan/v1\", \"name\": \"k\", \"reference_date\": "
      + "\"2025-01-01\", \"tables\": [";

  /** Table p of {@code rows} rows whose primary key id is {@code key}, referenced by table ch. */
  private static String keyed(long rows, String type, String key) {
    return HEAD + "{\"name\": \"p\", \"rows\": " + rows + ", \"primary_key\": \"id\", \"columns\": [{\"name\": \"id\", "
        + "\"type\": \"" + type + "\", " + key + "}, {\"name\": \"n\", \"type\": \"bigint\", \"strategy\": "
        + "\"sequence\"}]}, {\"name\": \"ch\", \"rows\": 100, \"primary_key\": \"cid\", \"columns\": [{\"name\": "
        + "\"cid\", \"type\": \"bigint\", \"strategy\": \"sequence\"}, {\"name\": \"pk\", \"type\": \"" + type
        + "\", \"strategy\": \"foreign_key\", \"references\": \"p.id\"}]}]}";
  }

  private static List<Violation> refused(String json) {
    return assertThrows(PlanException.class, () -> PlanCodec.read(json), json).violations();
  }

  private static Violation keyViolation(String json) {
    List<Violation> vs = refused(json);
    assertEquals(1, vs.size(), vs::toString);
    Violation v = vs.get(0);
    assertEquals("tables[0].columns[0].strategy", v.path(), v::toString);
    assertTrue(v.rule().startsWith("a primary key must be unique by construction"), v::toString);
    assertTrue(v.fix().contains("sequence"), v::toString);
    return v;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "\"strategy\": \"values\", \"values\": [1, 2, 3]",
      "\"strategy\": \"constant\", \"value\": 1",
      "\"strategy\": \"uniform\", \"min\": 1, \"max\": 10",
      "\"strategy\": \"uniform\", \"min\": 1, \"max\": 1000000000",
      "\"strategy\": \"distribution\", \"distribution\": {\"type\": \"normal\", \"mean\": 0, \"stddev\": 1e6}, "
          + "\"rounding\": \"round\"",
      "\"strategy\": \"expression\", \"expr\": \"n % 3\"",
      "\"strategy\": \"expression\", \"expr\": \"n\""})
  void anIntegerKeyThatIsNotASequenceIsRefused(String key) {
    keyViolation(keyed(500, "bigint", key));
  }

  @Test
  void aDateKeyIsRefused() {
    keyViolation(keyed(500, "date", "\"strategy\": \"date_range\", \"start\": \"2024-01-01\", \"end\": "
        + "\"2024-01-10\""));
  }

  @Test
  void aDictionaryKeyIsRefused() {
    keyViolation(keyed(5000, "string", "\"strategy\": \"dictionary\", \"dictionary\": \"first_name\""));
  }

  @Test
  void aPatternKeyNeedsFarMoreCombinationsThanRowsSquared() {
    Violation v = keyViolation(keyed(500, "string", "\"strategy\": \"pattern\", \"pattern\": \"#\""));
    assertTrue(v.rule().contains("pattern \"#\" makes 10 values"), v::toString);
    // 500 rows need 500² × 5e8 = 1.25e14 combinations: 14 digits are too few, 15 enough
    keyViolation(keyed(500, "string", "\"strategy\": \"pattern\", \"pattern\": \"K-##############\""));
    assertDoesNotThrow(() -> PlanCodec.read(keyed(500, "string",
        "\"strategy\": \"pattern\", \"pattern\": \"K-###############\"")));
    assertEquals(10 * 9 * 26 * 36, KeyRules.combinations("#!?*\\#-x"), 0);
  }

  @Test
  void sequenceAndUuidKeysAreAccepted() {
    assertDoesNotThrow(() -> PlanCodec.read(keyed(500, "bigint", "\"strategy\": \"sequence\", \"step\": -3")));
    assertDoesNotThrow(() -> PlanCodec.read(keyed(500, "string", "\"strategy\": \"uuid\"")));
  }

  @Test
  void aUniqueColumnFollowsTheSameRule() {
    String json = HEAD + "{\"name\": \"a\", \"rows\": 200, \"primary_key\": \"id\", \"columns\": [{\"name\": \"id\", "
        + "\"type\": \"bigint\", \"strategy\": \"sequence\"}, {\"name\": \"x\", \"type\": \"bigint\", \"strategy\": "
        + "\"expression\", \"expr\": \"id % 2\", \"unique\": true}]}]}";
    List<Violation> vs = refused(json);
    assertEquals(1, vs.size(), vs::toString);
    assertEquals("tables[0].columns[1].strategy", vs.get(0).path());
    assertTrue(vs.get(0).rule().startsWith("a unique column must be unique by construction"), vs::toString);
    assertTrue(vs.get(0).fix().contains("drop \"unique\""), vs::toString);
  }

  /** parents(id) with {@code parents} rows; kids per parent with count {@code count}, its key {@code key}. */
  private static String perParent(long parents, String count, String key) {
    return HEAD + "{\"name\": \"parents\", \"rows\": " + parents + ", \"primary_key\": \"id\", \"columns\": [{\"name\": "
        + "\"id\", \"type\": \"bigint\", \"strategy\": \"sequence\"}]}, {\"name\": \"kids\", \"rows\": " + parents
        + ", \"primary_key\": \"k\", \"per_parent\": {\"table\": \"parents\", \"count\": " + count + "}, "
        + "\"columns\": [{\"name\": \"k\", \"type\": \"bigint\", " + key + "}]}]}";
  }

  @Test
  void parentAndChildIndexKeysOnlyWhereTheyAreUnique() {
    String one = "{\"distribution\": {\"type\": \"uniform\", \"min\": 1, \"max\": 1}, \"min\": 1, \"max\": 1}";
    assertDoesNotThrow(() -> PlanCodec.read(perParent(50, one,
        "\"strategy\": \"parent\", \"references\": \"parents.id\"")));
    assertDoesNotThrow(() -> PlanCodec.read(perParent(1, one, "\"strategy\": \"child_index\"")));
    String two = "{\"distribution\": {\"type\": \"uniform\", \"min\": 1, \"max\": 2}, \"min\": 1, \"max\": 2}";
    for (String key : new String[] {"\"strategy\": \"parent\", \"references\": \"parents.id\"",
        "\"strategy\": \"child_index\""}) {
      List<Violation> vs = refused(perParent(50, two, key));
      assertTrue(vs.stream().anyMatch(v -> v.path().equals("tables[1].columns[0].strategy")
          && v.rule().startsWith("a primary key must be unique by construction")), vs::toString);
    }
  }

  /** p(id, k) where k is unique with {@code extra}, referenced by ch.pk. */
  private static String referenced(String extra) {
    return HEAD + "{\"name\": \"p\", \"rows\": 50, \"primary_key\": \"id\", \"columns\": [{\"name\": \"id\", \"type\": "
        + "\"bigint\", \"strategy\": \"sequence\"}, {\"name\": \"k\", \"type\": \"bigint\", \"strategy\": "
        + "\"sequence\", \"start\": 100, \"unique\": true" + extra + "}]}, {\"name\": \"ch\", \"rows\": 100, "
        + "\"primary_key\": \"id\", \"columns\": [{\"name\": \"id\", \"type\": \"bigint\", \"strategy\": "
        + "\"sequence\"}, {\"name\": \"pk\", \"type\": \"bigint\", \"strategy\": \"foreign_key\", \"references\": "
        + "\"p.k\"}]}]}";
  }

  @Test
  void aReferencedKeyMustNotBeNullNorOmitted() {
    assertDoesNotThrow(() -> PlanCodec.read(referenced("")));
    List<Violation> nullable = refused(referenced(", \"null_rate\": 0.5"));
    assertEquals(1, nullable.size(), nullable::toString);
    assertEquals("tables[1].columns[1].references", nullable.get(0).path());
    assertTrue(nullable.get(0).rule().contains("must not be NULL"), nullable::toString);
    List<Violation> omitted = refused(referenced(", \"omit\": true"));
    assertEquals(1, omitted.size(), omitted::toString);
    assertEquals("tables[1].columns[1].references", omitted.get(0).path());
    assertTrue(omitted.get(0).rule().contains("is omitted"), omitted::toString);
  }
}
