package io.synthgen.server.catalog.databricks;

import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.DatabricksException;
import io.synthgen.server.catalog.CatalogException;
import io.synthgen.server.catalog.CatalogException.Kind;
import java.util.Locale;

/** Classifies the SDK's exceptions, with what to do about each. Messages never include credentials. */
final class DatabricksErrors {

  static final String SIGN_IN = "sign in again: `databricks auth login --host <workspace-url>` (OAuth) or set a fresh "
      + "DATABRICKS_TOKEN, or fix the profile in ~/.databrickscfg";

  /** The fix for a missing or unreadable configuration (docs/databricks.md, Setup). */
  static final String CONFIGURE = "set DATABRICKS_HOST and DATABRICKS_TOKEN, or run `databricks auth login --host "
      + "<workspace-url>` and name its profile (DATABRICKS_CONFIG_PROFILE, --profile, or the profile argument of "
      + "write_to_uc); see docs/databricks.md#setup";

  private DatabricksErrors() {
  }

  /** No workspace configured, or a configuration that cannot be used. */
  static CatalogException configuration(String message, Throwable cause) {
    return new CatalogException(Kind.CONFIGURATION, message, CONFIGURE, cause);
  }

  /** What an SDK call raised, as a {@link CatalogException}; {@code doing} says what was attempted. */
  static CatalogException map(RuntimeException e, String doing) {
    if (e instanceof CatalogException c) {
      return c;
    }
    String unreachable = FailFastHttpClient.unreachable(e);
    if (unreachable != null) {
      return new CatalogException(Kind.UNAVAILABLE, doing + ": cannot reach the workspace: " + unreachable,
          FailFastHttpClient.UNREACHABLE_FIX, e);
    }
    if (e instanceof DatabricksError d) {
      String code = d.getErrorCode() == null ? "" : d.getErrorCode();
      String msg = doing + ": " + (d.getMessage() == null ? code : d.getMessage());
      int status = d.getStatusCode();
      if (status == 401 || code.equals("UNAUTHENTICATED")) {
        return new CatalogException(Kind.AUTHENTICATION, doing + ": the workspace refused the credentials ("
            + (d.getMessage() == null ? "unauthenticated" : d.getMessage()) + ")", SIGN_IN, e);
      }
      if (status == 403 || code.equals("PERMISSION_DENIED")) {
        return new CatalogException(Kind.PERMISSION, msg, "ask a workspace admin for the permission named above "
            + "(docs/databricks.md lists what publishing needs), or publish to a schema you own", e);
      }
      if (status == 404 || code.endsWith("DOES_NOT_EXIST") || code.equals("NOT_FOUND")) {
        return new CatalogException(Kind.NOT_FOUND, msg, "check the name; it must exist and be visible to you", e);
      }
      if (status == 409 || code.contains("ALREADY_EXISTS")) {
        return new CatalogException(Kind.CONFLICT, msg, "choose another name or remove the existing object", e);
      }
      if (status == 400) {
        return new CatalogException(Kind.INVALID, msg, "correct the request as the message says", e);
      }
      return new CatalogException(Kind.UNAVAILABLE, msg, "the workspace is busy or unavailable; try again in a "
          + "minute", e);
    }
    if (e instanceof DatabricksException) {
      String m = String.valueOf(e.getMessage());
      String lower = m.toLowerCase(Locale.ROOT);
      if (lower.contains("default auth") || lower.contains("cannot configure") || lower.contains("host")
          && lower.contains("config")) {
        return configuration(doing + ": no usable Databricks credentials are configured (" + m + ")", e);
      }
      return new CatalogException(Kind.UNAVAILABLE, doing + ": " + m, "check the network connection to the "
          + "workspace and try again", e);
    }
    // not the SDK's own failure (e.g. a NullPointerException inside it): say what happened, not a guess
    return new CatalogException(Kind.UNAVAILABLE, doing + ": the Databricks SDK failed: " + e, "try again; if it "
        + "fails the same way, check the configuration (docs/databricks.md#setup) and report this message", e);
  }
}
