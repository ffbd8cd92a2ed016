package io.synthgen.server.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.json.PlanCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plans and their versions, persisted under {@code <state>/plans/<id>/}: {@code v<N>.json} holds each version's
 * plan (the plan format, never rewritten) and {@code meta.json} the owner, the versions' summaries and diffs and the
 * approval. Files are written through {@link StateFiles}, so a crash or a full disk leaves the previous state and
 * no temporary file. A restarted
 * store serves every plan by id.
 *
 * <p>Owners: each plan records who proposed it (a session key chosen by the server: the MCP session over HTTP, one
 * local owner over stdio). {@link #list} shows an owner only its own plans; any holder of an id can read it, since
 * ids carry 128 random bits.
 */
public final class PlanStore {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path dir;
  private final Clock clock;
  private final Map<String, StoredPlan> cache = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  public PlanStore(Path stateDir, Clock clock) {
    this.dir = stateDir.resolve("plans");
    this.clock = clock;
    try {
      StateFiles.removeStaleTemps(dir, 2);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean temporary files in " + dir + " (check its permissions)", e);
    }
  }

  /** Stores version 1 of a new plan and returns it. */
  public StoredPlan create(String owner, Plan plan, String summary, int requestedTier) {
    String id = Ids.mint("pln");
    Instant now = clock.instant();
    StoredPlan p = new StoredPlan(id, owner, now,
        List.of(new PlanVersion(1, now, summary, List.of(), requestedTier, plan)), null);
    synchronized (lock(id)) {
      write(p, p.latest());
      cache.put(id, p);
    }
    return p;
  }

  /** The plan with this id, loading it from disk if this process has not seen it yet. */
  public StoredPlan get(String id) throws PlanStoreException {
    StoredPlan p = cache.get(id);
    if (p != null) {
      return p;
    }
    if (!Ids.wellFormed(id, "pln") || !Files.isRegularFile(dir.resolve(id).resolve("meta.json"))) {
      throw new PlanStoreException(PlanStoreException.Kind.UNKNOWN_PLAN, "there is no plan '" + id
          + "'; plan ids look like pln_… and come from propose_plan; call list_plans to see this session's plans "
          + "or propose_plan to make one");
    }
    synchronized (lock(id)) {
      p = cache.get(id);
      if (p == null) {
        p = load(id);
        cache.put(id, p);
      }
      return p;
    }
  }

  /** A version of a plan; 0 means the latest. */
  public PlanVersion version(String id, int version) throws PlanStoreException {
    StoredPlan p = get(id);
    if (version == 0) {
      return p.latest();
    }
    PlanVersion v = p.version(version);
    if (v == null) {
      throw new PlanStoreException(PlanStoreException.Kind.UNKNOWN_VERSION, id + " has versions 1 to "
          + p.latest().version() + ", not " + version + "; call get_plan without a version for the current one");
    }
    return v;
  }

  /** Adds a version after {@code baseVersion}, which must be the latest; any approval no longer covers it. */
  public StoredPlan revise(String id, int baseVersion, Plan plan, String summary, List<String> diff,
      int requestedTier) throws PlanStoreException {
    synchronized (lock(id)) {
      StoredPlan p = get(id);
      requireLatest(p, baseVersion, "revise");
      List<PlanVersion> versions = new ArrayList<>(p.versions());
      PlanVersion v = new PlanVersion(baseVersion + 1, clock.instant(), summary, diff, requestedTier, plan);
      versions.add(v);
      StoredPlan next = new StoredPlan(p.id(), p.owner(), p.created(), versions, p.approval());
      write(next, v);
      cache.put(id, next);
      return next;
    }
  }

  /** Records approval of {@code version}, which must be the latest. */
  public StoredPlan approve(String id, int version, boolean serverlessAcknowledged) throws PlanStoreException {
    synchronized (lock(id)) {
      StoredPlan p = get(id);
      requireLatest(p, version, "approve");
      StoredPlan next = new StoredPlan(p.id(), p.owner(), p.created(), p.versions(),
          new Approval(version, clock.instant(), serverlessAcknowledged));
      write(next, null);
      cache.put(id, next);
      return next;
    }
  }

  /** The owner's plans, most recently changed first. */
  public List<StoredPlan> list(String owner) {
    List<StoredPlan> out = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "pln_*")) {
        for (Path p : ds) {
          String id = p.getFileName().toString();
          StoredPlan sp = cache.get(id);
          if (sp == null) {
            if (!owner.equals(ownerOnDisk(p))) {
              continue;
            }
            try {
              sp = get(id);
            } catch (PlanStoreException e) {
              continue; // removed meanwhile
            }
          }
          if (owner.equals(sp.owner())) {
            out.add(sp);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list plans in " + dir, e);
      }
    }
    out.sort(Comparator.comparing((StoredPlan s) -> s.latest().created()).reversed());
    return out;
  }

  private static void requireLatest(StoredPlan p, int version, String action) throws PlanStoreException {
    int latest = p.latest().version();
    if (version != latest) {
      throw new PlanStoreException(PlanStoreException.Kind.STALE_VERSION, p.id() + " is at version " + latest
          + (version > latest ? "; there is no version " + version : "; version " + version + " is out of date")
          + ". Call get_plan to show the person version " + latest + ", then " + action + " version " + latest);
    }
  }

  private Object lock(String id) {
    return locks.computeIfAbsent(id, k -> new Object());
  }

  private String ownerOnDisk(Path planDir) {
    try {
      return JSON.readTree(planDir.resolve("meta.json").toFile()).path("owner").asText(null);
    } catch (IOException e) {
      return null;
    }
  }

  private void write(StoredPlan p, PlanVersion newVersion) {
    Path d = dir.resolve(p.id());
    try {
      Files.createDirectories(d);
      if (newVersion != null) {
        atomically(d.resolve("v" + newVersion.version() + ".json"), PlanCodec.write(newVersion.plan()));
      }
      atomically(d.resolve("meta.json"), JSON.writeValueAsString(meta(p)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save plan " + p.id() + ": " + e.getMessage(), e);
    }
  }

  private static ObjectNode meta(StoredPlan p) {
    ObjectNode m = JSON.createObjectNode();
    m.put("id", p.id());
    m.put("owner", p.owner());
    m.put("created", p.created().toString());
    ArrayNode vs = m.putArray("versions");
    for (PlanVersion v : p.versions()) {
      ObjectNode o = vs.addObject();
      o.put("version", v.version());
      o.put("created", v.created().toString());
      o.put("summary", v.summary());
      v.diff().forEach(o.putArray("diff")::add);
      o.put("requested_tier", v.requestedTier());
    }
    if (p.approval() != null) {
      ObjectNode a = m.putObject("approval");
      a.put("version", p.approval().version());
      a.put("at", p.approval().at().toString());
      a.put("serverless_acknowledged", p.approval().serverlessAcknowledged());
    }
    return m;
  }

  private StoredPlan load(String id) {
    Path d = dir.resolve(id);
    try {
      JsonNode m = JSON.readTree(d.resolve("meta.json").toFile());
      List<PlanVersion> versions = new ArrayList<>();
      for (JsonNode v : m.path("versions")) {
        int n = v.path("version").asInt();
        Plan plan = PlanCodec.read(Files.readString(d.resolve("v" + n + ".json"), StandardCharsets.UTF_8));
        List<String> diff = new ArrayList<>();
        v.path("diff").forEach(x -> diff.add(x.asText()));
        versions.add(new PlanVersion(n, Instant.parse(v.path("created").asText()), v.path("summary").asText(),
            diff, v.path("requested_tier").asInt(), plan));
      }
      JsonNode a = m.get("approval");
      Approval approval = a == null ? null : new Approval(a.path("version").asInt(),
          Instant.parse(a.path("at").asText()), a.path("serverless_acknowledged").asBoolean());
      return new StoredPlan(id, m.path("owner").asText(), Instant.parse(m.path("created").asText()), versions,
          approval);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read plan " + id + " from " + d, e);
    } catch (PlanException e) {
      throw new IllegalStateException("stored plan " + id + " in " + d + " no longer reads: " + e.getMessage(), e);
    }
  }

  static void atomically(Path target, String text) throws IOException {
    StateFiles.write(target, text);
  }
}
