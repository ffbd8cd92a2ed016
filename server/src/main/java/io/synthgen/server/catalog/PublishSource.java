package io.synthgen.server.catalog;

import io.synthgen.plan.Plan;
import io.synthgen.run.RunManifest;

/**
 * What is published: the exact plan (row counts resolved) and, once generated, its run.
 *
 * @param planId the server's plan id, or null for a plan file published from the command line
 * @param version the plan version, 0 when there is none
 * @param run the finished run; null while it has not been generated (a dry run can still show the statements)
 */
public record PublishSource(Plan plan, String planHash, String planId, int version, RunManifest run) {

  /** Names the run in volume paths and file names: plan name and the start of its hash. */
  public String runKey() {
    return plan.name() + "-" + planHash.substring(0, 12);
  }

  public PublishSource withRun(RunManifest r) {
    return new PublishSource(plan, planHash, planId, version, r);
  }
}
