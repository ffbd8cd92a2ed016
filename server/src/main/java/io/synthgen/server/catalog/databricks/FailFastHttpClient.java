package io.synthgen.server.catalog.databricks;

import com.databricks.sdk.core.commons.CommonsHttpClient;
import com.databricks.sdk.core.http.HttpClient;
import com.databricks.sdk.core.http.Request;
import com.databricks.sdk.core.http.Response;
import io.synthgen.server.catalog.CatalogException;
import io.synthgen.server.catalog.CatalogException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.conn.ConnectTimeoutException;

/**
 * The SDK's HTTP client with a short connect timeout, failing at once when the workspace cannot be reached at all.
 * The SDK retries a refused connection or an unknown host four times with a growing back-off (about 18 s before the
 * person hears anything), though neither heals in seconds; here they become a {@link CatalogException} of kind
 * {@code UNAVAILABLE}, which the SDK does not retry because it is not an {@link IOException}. Answers from the
 * workspace (429, 503, ...) still go through the SDK's retries.
 */
final class FailFastHttpClient implements HttpClient {

  /** How long opening a connection may take: an address that drops packets fails after this. */
  static final int CONNECT_TIMEOUT_SECONDS = 10;

  /**
   * How long a connection may stay silent (and a pooled connection be waited for): the SDK's own default, well
   * above the 30 s a statement waits inside one request.
   */
  static final int READ_TIMEOUT_SECONDS = 300;

  static final String UNREACHABLE_FIX = "check the workspace URL (DATABRICKS_HOST, or host in the profile of "
      + "~/.databrickscfg) and the network connection to it (VPN, proxy, firewall), then try again";

  private final HttpClient delegate;

  FailFastHttpClient(HttpClient delegate) {
    this.delegate = delegate;
  }

  /** The SDK's Apache HTTP client with synthgen's timeouts. */
  static FailFastHttpClient standard() {
    RequestConfig timeouts = RequestConfig.custom()
        .setConnectTimeout((int) TimeUnit.SECONDS.toMillis(CONNECT_TIMEOUT_SECONDS))
        .setSocketTimeout((int) TimeUnit.SECONDS.toMillis(READ_TIMEOUT_SECONDS))
        .setConnectionRequestTimeout((int) TimeUnit.SECONDS.toMillis(READ_TIMEOUT_SECONDS))
        .build();
    return new FailFastHttpClient(new CommonsHttpClient.Builder().withRequestConfig(timeouts).build());
  }

  @Override
  public Response execute(Request in) throws IOException {
    try {
      return delegate.execute(in);
    } catch (IOException e) {
      String why = unreachable(e);
      if (why == null) {
        throw e;
      }
      throw new CatalogException(Kind.UNAVAILABLE, "cannot reach the Databricks workspace " + origin(in.getUrl())
          + ": " + why, UNREACHABLE_FIX, e);
    }
  }

  /** Why no connection could be made, or null when the failure came later (a broken or slow answer). */
  static String unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof UnknownHostException) {
        return "unknown host " + t.getMessage();
      }
      if (t instanceof ConnectTimeoutException) {
        return "no answer to the connection within " + CONNECT_TIMEOUT_SECONDS + " s";
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException
          || t instanceof PortUnreachableException) {
        return "connection refused or no route to the host (" + t.getMessage() + ")";
      }
    }
    return null;
  }

  /** Scheme, host and port of a request URL: no path or query reaches a message. */
  private static String origin(String url) {
    try {
      URI u = URI.create(url);
      return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
    } catch (IllegalArgumentException e) {
      return "(unparsable URL)";
    }
  }
}
