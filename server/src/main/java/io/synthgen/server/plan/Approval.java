package io.synthgen.server.plan;

import java.time.Instant;

/**
 * The person's approval of one version of a plan. A revision creates a new version, which this approval does not
 * cover: full runs need an approval of the current version.
 *
 * @param serverlessAcknowledged the person acknowledged that the plan spends Databricks serverless compute
 */
public record Approval(int version, Instant at, boolean serverlessAcknowledged) {
}
