package io.synthgen.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Distribution;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The random plans reach the whole plan vocabulary, so a new strategy, distribution or type is fuzzed too. */
class RandomPlansTest {

  private static final int PLANS = 2_000;

  @Test
  void randomPlansUseEveryStrategyDistributionAndType() throws Exception {
    Set<String> strategies = new TreeSet<>();
    Set<String> distributions = new TreeSet<>();
    Set<String> kinds = new TreeSet<>();
    ObjectMapper mapper = new ObjectMapper();
    for (long seed = 0; seed < PLANS; seed++) {
      JsonNode plan = mapper.readTree(RandomPlans.plan(seed));
      for (JsonNode t : plan.path("tables")) {
        JsonNode count = t.path("per_parent").path("count").path("distribution").path("type");
        if (count.isTextual()) {
          distributions.add(count.asText());
        }
        for (JsonNode c : t.path("columns")) {
          strategies.add(c.path("strategy").asText());
          DataType type = DataType.parse(c.path("type").asText());
          kinds.add(type == null ? "unparsed " + c.path("type").asText() : type.kind().name());
          if (c.path("distribution").path("type").isTextual() && c.path("strategy").asText().equals("distribution")) {
            distributions.add(c.path("distribution").path("type").asText());
          }
        }
      }
    }
    assertEquals(new TreeSet<>(ColumnGen.STRATEGIES), strategies, "strategies in " + PLANS + " random plans");
    assertEquals(Arrays.stream(DataType.Kind.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new)),
        kinds, "column types in " + PLANS + " random plans");
    Set<String> allDistributions = Arrays.stream(Distribution.class.getPermittedSubclasses())
        .map(c -> c.getSimpleName().toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(allDistributions, distributions, "distributions in " + PLANS + " random plans");
  }
}
