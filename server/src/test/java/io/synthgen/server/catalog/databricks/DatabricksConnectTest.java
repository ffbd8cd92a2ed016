package io.synthgen.server.catalog.databricks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.http.HttpClient;
import com.databricks.sdk.core.http.Request;
import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.server.catalog.CatalogException;
import io.synthgen.server.catalog.WorkspaceFactory;
import io.synthgen.server.tool.ToolFixture;
import io.synthgen.server.tool.ToolResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connecting to Databricks with the real SDK when there is nothing to connect to: no configuration at all, a
 * profile that does not exist, a host that refuses connections or does not resolve. Each is one classified error
 * with its fix, through {@code write_to_uc}, and an unreachable host is not retried.
 */
class DatabricksConnectTest {

  /** Generous: a refused connection is answered in milliseconds; the SDK's retries took about 18 s. */
  private static final Duration HANG_GUARD = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  private int fixtures;
  private Path noConfigFile;

  @BeforeEach
  void setUp() {
    // an absent ~/.databrickscfg: the SDK reads the file named here instead of the developer's own
    noConfigFile = dir.resolve("absent.databrickscfg");
  }

  @Test
  void noConfigurationAtAllIsTheConfigurationErrorWithTheSignInFix() throws Exception {
    assumeTrue(System.getenv().keySet().stream().noneMatch(k -> k.startsWith("DATABRICKS_")),
        "the environment configures Databricks");
    JsonNode error = publish(profile -> DatabricksWorkspace.connect(
        new DatabricksConfig().setConfigFile(noConfigFile.toString())));
    assertEquals("databricks_configuration", error.path("code").asText(), error.toString());
    String message = error.path("message").asText();
    assertTrue(message.contains("no Databricks workspace is configured"), message);
    assertFalse(message.contains("cannot be null"), message);
    String fix = error.path("next_step").asText();
    assertEquals(DatabricksErrors.CONFIGURE, fix);
    assertTrue(fix.contains("DATABRICKS_HOST") && fix.contains("databricks auth login"), fix);
    assertFalse(fix.contains("network"), fix);
  }

  @Test
  void aProfileThatDoesNotExistIsAConfigurationError() throws Exception {
    Path cfg = dir.resolve("databrickscfg");
    Files.writeString(cfg, "[other]\nhost = https://127.0.0.1:1\ntoken = dapi-test\n");
    CatalogException e = assertThrows(CatalogException.class, () -> DatabricksWorkspace.connect(
        new DatabricksConfig().setProfile("demo").setConfigFile(cfg.toString())));
    assertEquals(CatalogException.Kind.CONFIGURATION, e.kind(), e.getMessage());
    assertTrue(e.getMessage().contains("profile demo"), e.getMessage());
    assertEquals(DatabricksErrors.CONFIGURE, e.fix());
  }

  @Test
  void aHostThatRefusesConnectionsIsUnavailableWithTheFixAndAnsweredAtOnce() throws Exception {
    String host = "https://127.0.0.1:" + closedPort();
    JsonNode error = assertTimeoutPreemptively(HANG_GUARD, () -> publish(profile -> DatabricksWorkspace.connect(
        new DatabricksConfig().setHost(host).setToken("dapi-test").setConfigFile(noConfigFile.toString()))));
    assertEquals("databricks_unavailable", error.path("code").asText(), error.toString());
    String message = error.path("message").asText();
    assertTrue(message.contains("cannot reach the Databricks workspace " + host), message);
    assertTrue(message.contains("connection refused"), message);
    assertEquals(FailFastHttpClient.UNREACHABLE_FIX, error.path("next_step").asText());
  }

  @Test
  void theSdkSendsARefusedRequestOnceInsteadOfRetryingIt() {
    List<String> sent = new CopyOnWriteArrayList<>();
    HttpClient refusing = in -> {
      sent.add(in.getMethod() + " " + in.getUrl());
      throw new ConnectException("Connection refused");
    };
    DatabricksConfig cfg = new DatabricksConfig().setHost("https://127.0.0.1:9").setToken("dapi-test")
        .setConfigFile(noConfigFile.toString()).setHttpClient(new FailFastHttpClient(refusing));
    try (DatabricksWorkspace ws = DatabricksWorkspace.connect(cfg)) {
      CatalogException e = assertThrows(CatalogException.class, ws::warehouses);
      assertEquals(CatalogException.Kind.UNAVAILABLE, e.kind());
    }
    // the SDK's retry policy retries a refused connection of any request three more times, with back-off
    assertEquals(1, sent.stream().filter(s -> s.contains("/api/2.0/sql/warehouses")).count(), sent.toString());
  }

  @Test
  void anUnknownHostIsUnreachableAndASlowAnswerIsLeftToTheSdk() {
    FailFastHttpClient unknown = new FailFastHttpClient(in -> {
      throw new UnknownHostException("nowhere.invalid");
    });
    Request get = new Request("GET", "https://nowhere.invalid/api/2.0/sql/warehouses?secret=1");
    CatalogException e = assertThrows(CatalogException.class, () -> unknown.execute(get));
    assertEquals(CatalogException.Kind.UNAVAILABLE, e.kind());
    assertEquals("cannot reach the Databricks workspace https://nowhere.invalid: unknown host nowhere.invalid",
        e.getMessage());

    // a connection that was made and then went quiet may be answered on a retry: the SDK decides
    FailFastHttpClient slow = new FailFastHttpClient(in -> {
      throw new SocketTimeoutException("Read timed out");
    });
    assertThrows(SocketTimeoutException.class, () -> slow.execute(get));
  }

  @Test
  void sdkErrorsCausedByAnUnreachableHostKeepTheirFix() {
    CatalogException e = DatabricksErrors.map(new com.databricks.sdk.core.DatabricksError("IO_ERROR", 523,
        new UnknownHostException("nowhere.invalid")), "listing SQL warehouses");
    assertEquals(CatalogException.Kind.UNAVAILABLE, e.kind());
    assertEquals(FailFastHttpClient.UNREACHABLE_FIX, e.fix());
    assertTrue(e.getMessage().startsWith("listing SQL warehouses: cannot reach the workspace"), e.getMessage());
  }

  /** write_to_uc of an approved plan over the given workspaces; the error it answers. */
  private JsonNode publish(WorkspaceFactory workspaces) throws Exception {
    try (ToolFixture f = new ToolFixture(dir.resolve("tools-" + fixtures++), workspaces)) {
      return publish(f);
    }
  }

  private static JsonNode publish(ToolFixture f) throws Exception {
    ToolResult proposed = f.call("propose_plan", "{\"template\": \"retail\", \"rows\": 100}");
    assertFalse(proposed.isError(), proposed.text());
    String id = proposed.structured().path("plan_id").asText();
    ToolResult approved = f.call("approve_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1}");
    assertFalse(approved.isError(), approved.text());
    ToolResult r = f.call("write_to_uc", "{\"plan_id\": \"" + id + "\", \"catalog\": \"demo\", \"schema\": \"s\", "
        + "\"dry_run\": true}");
    assertTrue(r.isError(), r.text());
    return r.structured().path("error");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
