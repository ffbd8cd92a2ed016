package io.synthgen.server.tool.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import io.synthgen.server.tool.ToolFixture;
import io.synthgen.server.tool.ToolResult;
import io.synthgen.template.Templates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** list_templates shows every template as its plan has it (the parsed templates the services keep). */
class ListTemplatesToolTest {

  @TempDir
  Path dir;

  @Test
  void everyTemplateWithItsTablesAndRows() throws Exception {
    try (ToolFixture f = new ToolFixture(dir)) {
      ToolResult r = f.call("list_templates", "{}");
      assertFalse(r.isError(), r.text());
      JsonNode list = r.structured().path("templates");
      List<String> names = new ArrayList<>();
      list.forEach(t -> names.add(t.path("name").asText()));
      assertEquals(Templates.names(), names);
      for (JsonNode t : list) {
        Plan p = Templates.load(t.path("name").asText());
        assertEquals(p.description(), t.path("description").asText());
        long total = 0;
        JsonNode tables = t.path("tables");
        assertEquals(p.tables().size(), tables.size(), t.toString());
        for (int i = 0; i < p.tables().size(); i++) {
          Table tb = p.tables().get(i);
          assertEquals(tb.name(), tables.get(i).path("name").asText());
          assertEquals(tb.rows(), tables.get(i).path("rows").asLong());
          assertEquals(tb.perParent() == null ? "" : tb.perParent().table(),
              tables.get(i).path("per_parent").asText(""));
          total += tb.rows();
        }
        assertEquals(total, t.path("total_rows").asLong());
      }
      assertEquals(r.structured(), f.call("list_templates", "{}").structured(), "the same answer every call");
    }
  }
}
