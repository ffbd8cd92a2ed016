package io.synthgen.server.catalog.databricks;

/**
 * A request the stand-in refuses the way Databricks does: an HTTP status plus {@code {"error_code", "message"}}, which
 * the SDK turns into its typed exceptions (by error code first, then by status). {@code reason} becomes an ErrorInfo
 * detail, which clients such as the Databricks CLI inspect to tell, for example, a non-empty directory from other 400s.
 */
final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final int status;
  final String errorCode;
  final String reason;

  ApiError(int status, String errorCode, String message) {
    this(status, errorCode, message, null);
  }

  ApiError(int status, String errorCode, String message, String reason) {
    super(message, null, false, false);
    this.status = status;
    this.errorCode = errorCode;
    this.reason = reason;
  }

  static ApiError invalid(String message) {
    return new ApiError(400, "INVALID_PARAMETER_VALUE", message);
  }

  static ApiError notFound(String errorCode, String message) {
    return new ApiError(404, errorCode, message);
  }

  static ApiError conflict(String errorCode, String message) {
    return new ApiError(409, errorCode, message);
  }
}
