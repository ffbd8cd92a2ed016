package io.synthgen.server.catalog.databricks;

/**
 * One request the stand-in answered, for assertions. The Authorization header is recorded only as present or not:
 * the token value never reaches the record, so a test can print requests safely.
 *
 * @param method HTTP method
 * @param path the decoded path, for example {@code /api/2.0/fs/files/Volumes/demo/retail/staging/a.parquet}
 * @param query the raw query string, or an empty string
 * @param bodyBytes how many request body bytes the stand-in read
 * @param authorization whether an {@code Authorization} header was sent
 * @param status the HTTP status answered
 */
public record RecordedRequest(String method, String path, String query, long bodyBytes, boolean authorization,
    int status) {

  /** Whether this is {@code method} on a path starting with {@code pathPrefix}. */
  public boolean is(String method, String pathPrefix) {
    return this.method.equals(method) && path.startsWith(pathPrefix);
  }
}
