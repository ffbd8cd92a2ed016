package io.synthgen.server.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.profile.planner.PlanOptions;
import io.synthgen.server.plan.StateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a stored plan came from, when it was made from data the person has: files under the output root, or Unity
 * Catalog tables. Kept per plan id in {@code <state>/sources/<plan id>.json}, beside the plan store, so that every
 * version of the plan (revisions keep the id) can be compared with its source after a run
 * ({@code compare_to_source}). The plan's description says the same in words; this is the machine-readable record.
 */
public final class PlanSources {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A plan's source.
   *
   * @param kind {@code files} or {@code unity_catalog}
   * @param path for files: the file or folder, relative to the output root
   * @param tables for Unity Catalog: the tables, {@code catalog.schema.table}
   * @param minCount the k the plan was made with (values held by fewer rows were kept out); the source report's
   *     row check takes the same k
   */
  public record PlanSource(String kind, String path, List<String> tables, int minCount) {

    public static final String FILES = "files";
    public static final String UNITY_CATALOG = "unity_catalog";

    public PlanSource {
      tables = tables == null ? List.of() : List.copyOf(tables);
    }

    public static PlanSource files(String path, int minCount) {
      return new PlanSource(FILES, path, List.of(), minCount);
    }

    public static PlanSource unityCatalog(List<String> tables, int minCount) {
      return new PlanSource(UNITY_CATALOG, null, tables, minCount);
    }
  }

  private PlanSources() {
  }

  private static Path file(Path stateDir, String planId) {
    return stateDir.resolve("sources").resolve(planId + ".json");
  }

  /** Records the source of plan {@code planId}. */
  public static void write(Path stateDir, String planId, PlanSource source) throws IOException {
    ObjectNode o = JSON.createObjectNode();
    o.put("plan_id", planId);
    o.put("kind", source.kind());
    o.put("min_count", source.minCount());
    if (source.path() != null) {
      o.put("path", source.path());
    }
    if (!source.tables().isEmpty()) {
      source.tables().forEach(o.putArray("tables")::add);
    }
    Path f = file(stateDir, planId);
    Files.createDirectories(f.getParent());
    StateFiles.write(f, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o));
  }

  /** The source of plan {@code planId}, or empty when it was not made from data (or the id is malformed). */
  public static Optional<PlanSource> read(Path stateDir, String planId) throws IOException {
    if (!planId.matches("[A-Za-z0-9_]{1,64}")) {
      return Optional.empty();
    }
    Path f = file(stateDir, planId);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    JsonNode o = JSON.readTree(f.toFile());
    List<String> tables = new ArrayList<>();
    o.path("tables").forEach(t -> tables.add(t.asText()));
    return Optional.of(new PlanSource(o.path("kind").asText(), o.path("path").asText(null), tables,
        o.path("min_count").asInt(PlanOptions.DEFAULT_MIN_COUNT)));
  }
}
