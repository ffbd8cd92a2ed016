package io.synthgen.server.job;

import java.util.Locale;

/** Where a job is. QUEUED and RUNNING are live; the others are final. INTERRUPTED: the server stopped during it. */
public enum JobStatus {
  QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, INTERRUPTED;

  public boolean isFinal() {
    return this != QUEUED && this != RUNNING;
  }

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
