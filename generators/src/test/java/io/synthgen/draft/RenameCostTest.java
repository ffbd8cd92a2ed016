package io.synthgen.draft;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.dictionary.Dictionaries;
import io.synthgen.plan.Plan;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A rename costs the expressions that mention the renamed name, not every expression of the plan: 20 renames on a
 * plan of 20 tables and 3,000 expressions stay far within the 2 GiB a server call may allocate (measured as the
 * server measures it, the bytes the calling thread allocates).
 */
class RenameCostTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Set<String> DICTS = new HashSet<>(Dictionaries.standard().names());

  static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }

  @Test
  void twentyRenamesOnThreeThousandExpressionsAllocateInProportion() throws Exception {
    ObjectNode request = JSON.createObjectNode().put("name", "stress");
    ArrayNode tables = request.putArray("tables");
    for (int i = 0; i < 20; i++) {
      ArrayNode cols = tables.addObject().put("name", "t" + i).put("rows", 100).putArray("columns");
      cols.add("t" + i + "_id");
      if (i == 0) {
        cols.addObject().put("name", "v").put("type", "int").put("min", 1).put("max", 9);
      } else {
        cols.addObject().put("name", "p").put("references", "t" + (i - 1));
      }
      for (int j = 0; j < 150; j++) {
        cols.addObject().put("name", "e" + j).put("type", "bigint").put("expr", i == 0
            ? String.join(" + ", Collections.nCopies(20, "v")) : "t" + (i - 1) + ".e" + j + " + 1");
      }
    }
    Plan p = Drafter.plan(request, LocalDate.of(2025, 1, 1), 1, DICTS);
    ArrayNode ops = JSON.createArrayNode();
    for (int k = 0; k < 10; k++) {
      ops.addObject().put("op", "rename_column").put("table", "t0").put("column", k % 2 == 0 ? "v" : "w")
          .put("to", k % 2 == 0 ? "w" : "v");
      ops.addObject().put("op", "rename_table").put("table", k % 2 == 0 ? "t5" : "u5")
          .put("to", k % 2 == 0 ? "u5" : "t5");
    }
    long before = allocated();
    Plan revised = Revisions.apply(p, ops, DICTS);
    long used = allocated() - before;
    assertTrue(revised.table("t5").isPresent());
    // every expression parsed on every operation allocated over 2 GiB; those naming the renamed name, about 0.2
    assertTrue(used < 768L << 20, "allocated " + (used >> 20) + " MiB");
  }
}
