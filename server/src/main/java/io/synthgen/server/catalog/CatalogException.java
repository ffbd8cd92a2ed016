package io.synthgen.server.catalog;

/**
 * A failure talking to the catalog (Databricks), classified so that callers can say what to do: sign in again, ask
 * for a permission, pick another name, or retry. The message never contains credentials.
 */
public final class CatalogException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong, from the caller's point of view. */
  public enum Kind {
    /** No workspace or credentials configured. */
    CONFIGURATION,
    /** The credentials were refused (expired or invalid token). */
    AUTHENTICATION,
    /** Signed in, but not allowed to do this. */
    PERMISSION,
    /** A catalog, schema, volume, table, warehouse or file does not exist. */
    NOT_FOUND,
    /** Something with that name already exists. */
    CONFLICT,
    /** The request was refused as invalid. */
    INVALID,
    /** The workspace did not answer or answered with a server error; retrying may help. */
    UNAVAILABLE,
    /** A SQL statement ran and failed. */
    STATEMENT_FAILED,
    /** Stopped on request. */
    CANCELLED
  }

  private final Kind kind;
  private final String fix;

  public CatalogException(Kind kind, String message, String fix, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.fix = fix;
  }

  public CatalogException(Kind kind, String message, String fix) {
    this(kind, message, fix, null);
  }

  public Kind kind() {
    return kind;
  }

  /** What to do about it, one sentence. */
  public String fix() {
    return fix;
  }

  /** Whether trying the same request again may succeed. */
  public boolean retryable() {
    return kind == Kind.UNAVAILABLE;
  }
}
