package io.synthgen.plan.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.validate.PlanLimits;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/plan-format.md documents every strategy, field and id the codec knows, and its examples are valid. */
class PlanFormatDocTest {

  private static String doc;

  @BeforeAll
  static void load() throws Exception {
    doc = Files.readString(PlanSchemaTest.root().resolve("docs/plan-format.md"));
  }

  @Test
  void everyLimitIsInTheLimitsTable() throws Exception {
    int start = doc.indexOf("\n## Limits\n");
    assertTrue(start >= 0, "a Limits section");
    String section = doc.substring(start, doc.indexOf("\n## ", start + 1));
    for (Field f : PlanLimits.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        String value = String.format(Locale.ROOT, "| %,d", ((Number) f.get(null)).longValue());
        assertTrue(section.contains(value), f.getName() + " = " + value + " is not in the Limits table");
      }
    }
  }

  @Test
  void everyStrategyHasASectionInOrder() {
    List<String> headings = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^### (\\w+)$").matcher(doc);
    while (m.find()) {
      if (ColumnGen.STRATEGIES.contains(m.group(1))) {
        headings.add(m.group(1));
      }
    }
    assertEquals(ColumnGen.STRATEGIES, headings);
  }

  @Test
  void everyFieldAndIdIsMentioned() {
    Set<String> names = new LinkedHashSet<>();
    names.addAll(PlanFields.PLAN);
    names.addAll(PlanFields.TABLE);
    names.addAll(PlanFields.PER_PARENT);
    names.addAll(PlanFields.SHAPED);
    names.addAll(PlanFields.COLUMN);
    PlanFields.STRATEGY.values().forEach(names::addAll);
    names.addAll(PlanFields.DISTRIBUTION.keySet());
    PlanFields.DISTRIBUTION.values().forEach(names::addAll);
    names.addAll(PlanFields.FK_DISTRIBUTION.keySet());
    PlanFields.FK_DISTRIBUTION.values().forEach(names::addAll);
    names.addAll(PlanFields.DESTINATION.keySet());
    PlanFields.DESTINATION.values().forEach(names::addAll);
    names.addAll(PlanFields.PROFILE);
    names.addAll(PlanFields.AGGREGATE_FUNCTIONS);
    names.addAll(PlanDecoder.ROUNDINGS.keySet());
    names.addAll(PlanDecoder.FORMATS.keySet());
    names.addAll(PlanDecoder.COMPRESSIONS.keySet());
    names.addAll(PlanFields.HISTORY_TABLE);
    names.addAll(PlanFields.SERIES);
    names.addAll(PlanFields.BATCH);
    names.addAll(PlanFields.CHANGE_FEED);
    names.addAll(PlanFields.WEIGHTS);
    names.addAll(PlanFields.HISTORY);
    names.addAll(PlanFields.QUALITY);
    names.addAll(PlanFields.DEFECT.keySet());
    PlanFields.DEFECT.values().forEach(names::addAll);
    names.addAll(SeriesDecoder.MODES.keySet());
    names.addAll(SeriesDecoder.FEED_FORMATS.keySet());
    names.addAll(SeriesDecoder.APPEND_AS.keySet());
    names.addAll(QualityDecoder.GROUND_TRUTHS.keySet());
    List<String> missing = new ArrayList<>();
    for (String n : names) {
      if (!doc.contains("`" + n + "`")) {
        missing.add(n);
      }
    }
    assertEquals(List.of(), missing, "names the doc does not mention as `code`");
  }

  @Test
  void examplesAreValid() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Matcher m = Pattern.compile("(?s)(?:^|\\n)### (\\w+)\\n|```json\\n(.*?)```").matcher(doc);
    String section = null;
    int plans = 0;
    int columns = 0;
    while (m.find()) {
      if (m.group(1) != null) {
        section = m.group(1);
        continue;
      }
      String block = m.group(2);
      if (block.contains("...") || !block.trim().startsWith("{")) {
        continue;
      }
      JsonNode n = json.readTree(block);
      if (n.has("format")) {
        PlanCodec.read(block);
        plans++;
      } else if (n.has("strategy")) {
        assertEquals(section, n.get("strategy").asText(), "example under ### " + section);
        List<String> unknown = new ArrayList<>();
        n.fieldNames().forEachRemaining(f -> {
          if (!PlanFields.columnFields(n.get("strategy").asText()).contains(f)) {
            unknown.add(f);
          }
        });
        assertEquals(List.of(), unknown, "fields of the " + section + " example");
        columns++;
      }
    }
    assertTrue(plans >= 1, "the doc shows a complete plan");
    assertEquals(ColumnGen.STRATEGIES.size(), columns, "one column example per strategy");
  }
}
