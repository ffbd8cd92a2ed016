package io.synthgen.server.plan;

/** A plan id or version that the store cannot serve, with what to do instead. */
public final class PlanStoreException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind { UNKNOWN_PLAN, UNKNOWN_VERSION, STALE_VERSION }

  private final Kind kind;

  public PlanStoreException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
