package io.synthgen.server.tool;

import io.synthgen.dictionary.Dictionaries;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.server.catalog.WorkspaceFactory;
import io.synthgen.server.config.ServerConfig;
import io.synthgen.server.job.JobManager;
import io.synthgen.server.plan.PlanStore;
import io.synthgen.server.plan.PlanVersion;
import io.synthgen.template.Templates;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What the tools share: configuration, the plan store, the job manager and a small cache of resolved plans. */
public final class Services implements AutoCloseable {

  private static final int RESOLVED_CACHE = 16;

  private final ServerConfig config;
  private final PlanStore plans;
  private final JobManager jobs;
  private final Set<String> dictionaries;
  private final WorkspaceFactory workspaces;
  private final Map<String, ResolvedPlan> resolved = Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ResolvedPlan> e) {
          return size() > RESOLVED_CACHE;
        }
      });

  private final Map<String, Plan> templates = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * @param workspaces how {@code write_to_uc} opens Databricks workspaces: the command line passes the Databricks
   *     SDK's ({@code DatabricksWorkspace::connect}), tests their stand-in
   */
  public Services(ServerConfig config, WorkspaceFactory workspaces) {
    this.config = config;
    this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
    this.plans = new PlanStore(config.stateDir(), config.clock());
    this.jobs = new JobManager(config.stateDir(), config.clock(), 1);
    this.dictionaries = Set.copyOf(new HashSet<>(Dictionaries.standard().names()));
  }

  public ServerConfig config() {
    return config;
  }

  public PlanStore plans() {
    return plans;
  }

  public JobManager jobs() {
    return jobs;
  }

  /** Opens Databricks workspaces for publishing. */
  public WorkspaceFactory workspaces() {
    return workspaces;
  }

  public Set<String> dictionaries() {
    return dictionaries;
  }

  /** A template as a plan, parsed once (plans are immutable). */
  public Plan template(String name) throws PlanException {
    Plan p = templates.get(name);
    if (p == null) {
      p = Templates.load(name);
      templates.put(name, p);
    }
    return p;
  }

  /** The resolved form of a stored version (versions never change, so it is cached by id and version). */
  public ResolvedPlan resolved(String planId, PlanVersion v) throws PlanException {
    String key = planId + "@" + v.version();
    ResolvedPlan r = resolved.get(key);
    if (r == null) {
      r = Resolver.resolve(v.plan());
      resolved.put(key, r);
    }
    return r;
  }

  /** Remembers a plan resolved while it was being stored. */
  public void remember(String planId, int version, ResolvedPlan r) {
    resolved.put(planId + "@" + version, r);
  }

  @Override
  public void close() {
    jobs.close();
  }
}
