package io.synthgen.server.job;

/** A job failed for a reason the person can act on: the job's error says what happened and what to do. */
public final class JobFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public JobFailure(String message, String nextStep, Throwable cause) {
    super(message + ". Next: " + nextStep, cause);
  }
}
