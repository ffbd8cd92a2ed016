package io.synthgen.server.catalog.databricks;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every request goes through: the two discovery documents (no auth, as Databricks serves them), then the bearer
 * token, the injected permission denials, the endpoint, the error answer, and the request record.
 */
final class StandInRouter {

  private static final Logger LOG = LoggerFactory.getLogger(StandInRouter.class);

  private final Supplier<String> url;
  private final String token;
  private final StandInFaults faults;
  private final List<RecordedRequest> requests;
  private final CatalogEndpoints catalog;
  private final FilesEndpoints files;
  private final StatementEndpoints statements;
  private final Warehouses warehouses;
  private WorkspaceEndpoints workspace;
  private JobsEndpoints jobs;

  StandInRouter(Supplier<String> url, String token, StandInFaults faults, List<RecordedRequest> requests,
      CatalogEndpoints catalog, FilesEndpoints files, StatementEndpoints statements, Warehouses warehouses) {
    this.url = url;
    this.token = token;
    this.faults = faults;
    this.requests = requests;
    this.catalog = catalog;
    this.files = files;
    this.statements = statements;
    this.warehouses = warehouses;
  }

  /** Adds the workspace tree and job runs endpoints. */
  StandInRouter withJobs(WorkspaceEndpoints workspaceEndpoints, JobsEndpoints jobsEndpoints) {
    this.workspace = workspaceEndpoints;
    this.jobs = jobsEndpoints;
    return this;
  }

  static ApiError noEndpoint(StandInExchange ex) {
    return ApiError.notFound("ENDPOINT_NOT_FOUND", "No API found for '" + ex.method() + " " + ex.path() + "'");
  }

  void handle(HttpExchange http) {
    StandInExchange ex = new StandInExchange(http);
    try {
      route(ex);
    } catch (ApiError e) {
      answer(ex, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer(ex, new ApiError(500, "INTERNAL_ERROR", "Interrupted"));
    } catch (IOException | RuntimeException e) {
      LOG.warn("stand-in failed on {} {}", ex.method(), ex.path(), e);
      answer(ex, new ApiError(500, "INTERNAL_ERROR", e.toString()));
    } finally {
      requests.add(new RecordedRequest(ex.method(), ex.path(), ex.rawQuery(), ex.bodyBytes(),
          ex.header("Authorization") != null, ex.status()));
      http.close();
    }
  }

  private void answer(StandInExchange ex, ApiError e) {
    try {
      ex.sendError(e);
    } catch (IOException io) {
      LOG.warn("stand-in could not answer {} {} with {}", ex.method(), ex.path(), e.status, io);
    }
  }

  private void route(StandInExchange ex) throws IOException, InterruptedException {
    String path = ex.path();
    if ("GET".equals(ex.method()) && "/.well-known/databricks-config".equals(path)) {
      ex.sendJson(200, StandInExchange.JSON.createObjectNode().put("oidc_endpoint", url.get() + "/oidc"));
      return;
    }
    if ("GET".equals(ex.method()) && "/oidc/.well-known/oauth-authorization-server".equals(path)) {
      ex.sendJson(200, StandInExchange.JSON.createObjectNode()
          .put("authorization_endpoint", url.get() + "/oidc/v1/authorize")
          .put("token_endpoint", url.get() + "/oidc/v1/token"));
      return;
    }
    authenticate(ex);
    String denied = faults.denial(ex.method(), path).orElse(null);
    if (denied != null) {
      throw new ApiError(403, "PERMISSION_DENIED", denied);
    }
    if (path.startsWith(FilesEndpoints.FILES + "/")) {
      files.handleFile(ex);
    } else if (path.startsWith(FilesEndpoints.DIRECTORIES + "/")) {
      files.handleDirectory(ex);
    } else if (path.startsWith(CatalogEndpoints.PREFIX)) {
      catalog.handle(ex);
    } else if (under(path, StatementEndpoints.PREFIX)) {
      statements.handle(ex);
    } else if (under(path, Warehouses.PREFIX)) {
      warehouses.handle(ex);
    } else if (jobs != null && under(path, JobsEndpoints.PREFIX)) {
      jobs.handle(ex);
    } else if (workspace != null && under(path, WorkspaceEndpoints.PREFIX)) {
      workspace.handle(ex);
    } else if (workspace != null && path.equals(WorkspaceEndpoints.ME)) {
      workspace.handleMe(ex);
    } else {
      throw noEndpoint(ex);
    }
  }

  private static boolean under(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }

  private void authenticate(StandInExchange ex) {
    if (faults.tokenExpired()) {
      throw new ApiError(401, "UNAUTHENTICATED", "Token is expired");
    }
    if (!("Bearer " + token).equals(ex.header("Authorization"))) {
      throw new ApiError(401, "UNAUTHENTICATED", "Invalid access token.");
    }
  }
}
