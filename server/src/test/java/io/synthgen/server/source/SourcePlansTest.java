package io.synthgen.server.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source object: checked all at once, and confined to the output root. */
class SourcePlansTest {

  @TempDir
  Path dir;

  private static SourcePlans.Request request(String json) throws Exception {
    return SourcePlans.request(new ObjectMapper().readTree(json));
  }

  private Path root() throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));
    StringBuilder csv = new StringBuilder("id,kind\n");
    for (int i = 1; i <= 100; i++) {
      csv.append(i).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
    }
    Files.writeString(Files.createDirectories(root.resolve("data")).resolve("things.csv"), csv);
    return root;
  }

  @Test
  void everyMistakeInTheSourceObjectIsReportedAtOnce() {
    PlanException e = assertThrows(PlanException.class,
        () -> request("{\"min_count\": 0, \"allow_values\": \"kind\", \"colour\": 1}"));
    assertEquals(4, e.violations().size(), e.getMessage());
    assertTrue(e.getMessage().contains("source.path"), e.getMessage());
    assertTrue(e.getMessage().contains("source.min_count"), e.getMessage());
    assertTrue(e.getMessage().contains("source.allow_values"), e.getMessage());
    assertTrue(e.getMessage().contains("unknown field 'colour'"), e.getMessage());
  }

  @Test
  void aRelativePathResolvesInsideTheOutputRoot() throws Exception {
    Path root = root();
    Plan p = SourcePlans.plan(root, true, request("{\"path\": \"data\"}"), 3, LocalDate.of(2025, 1, 1), Set.of());
    assertEquals(100, p.table("things").orElseThrow().rows());
    assertEquals(3, p.seed());
  }

  @Test
  void pathsAndLinksLeavingTheOutputRootAreRefused() throws Exception {
    Path root = root();
    Path outside = Files.createDirectories(dir.resolve("secret"));
    Files.writeString(outside.resolve("salaries.csv"), "id,salary\n1,100\n");
    PlanException up = assertThrows(PlanException.class, () -> SourcePlans.plan(root, true,
        request("{\"path\": \"../secret\"}"), 1, LocalDate.of(2025, 1, 1), Set.of()));
    assertTrue(up.getMessage().contains("outside the output root"), up.getMessage());
    PlanException abs = assertThrows(PlanException.class, () -> SourcePlans.plan(root, true,
        request("{\"path\": \"" + outside.resolve("salaries.csv") + "\"}"), 1, LocalDate.of(2025, 1, 1), Set.of()));
    assertTrue(abs.getMessage().contains("outside the output root"), abs.getMessage());
    Files.createSymbolicLink(root.resolve("data/salaries.csv"), outside.resolve("salaries.csv"));
    PlanException link = assertThrows(PlanException.class, () -> SourcePlans.plan(root, true,
        request("{\"path\": \"data\"}"), 1, LocalDate.of(2025, 1, 1), Set.of()));
    assertTrue(link.getMessage().contains("symbolic link to a file outside the output root"), link.getMessage());
  }

  @Test
  void allowValuesNamingNoColumnOfTheSourceAreViolations() throws Exception {
    Path root = root();
    Plan ok = SourcePlans.plan(root, true, request("{\"path\": \"data\", \"allow_values\": [\"kind\", "
        + "\"things.id\"]}"), 3, LocalDate.of(2025, 1, 1), Set.of());
    assertEquals(100, ok.table("things").orElseThrow().rows());
    PlanException e = assertThrows(PlanException.class, () -> SourcePlans.plan(root, true,
        request("{\"path\": \"data\", \"allow_values\": [\"nope.col\", \"kind\", \"colour\"]}"), 3,
        LocalDate.of(2025, 1, 1), Set.of()));
    assertEquals(2, e.violations().size(), e.getMessage());
    assertTrue(e.getMessage().contains("nope.col") && e.getMessage().contains("things.kind"), e.getMessage());
  }

  @Test
  void theOutsideRefusalSaysToCopyNotLink() throws Exception {
    Path root = root();
    PlanException up = assertThrows(PlanException.class, () -> SourcePlans.plan(root, true,
        request("{\"path\": \"../x\"}"), 1, LocalDate.of(2025, 1, 1), Set.of()));
    assertFalse(up.getMessage().contains("or link"), up.getMessage());
  }
}
