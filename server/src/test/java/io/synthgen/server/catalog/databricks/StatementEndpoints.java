package io.synthgen.server.catalog.databricks;

import static io.synthgen.server.catalog.databricks.RequestFields.required;
import static io.synthgen.server.catalog.databricks.RequestFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Statement Execution API: {@code POST /api/2.0/sql/statements} answers within {@code wait_timeout} with the
 * outcome, or with PENDING/RUNNING for the client to poll ({@code GET .../{id}}) or cancel ({@code POST .../cancel});
 * with {@code on_wait_timeout: CANCEL} a statement still running at the timeout is cancelled. Only the INLINE
 * disposition and JSON_ARRAY format exist here.
 */
final class StatementEndpoints {

  static final String PREFIX = "/api/2.0/sql/statements";

  private static final Pattern WAIT = Pattern.compile("(\\d+)s");

  private final Warehouses warehouses;
  private final StatementRunner runner;
  private final Map<String, Statement> statements = new ConcurrentHashMap<>();

  StatementEndpoints(Warehouses warehouses, StatementRunner runner) {
    this.warehouses = warehouses;
    this.runner = runner;
  }

  void handle(StandInExchange ex) throws IOException, InterruptedException {
    String rest = ex.path().substring(PREFIX.length());
    if (rest.isEmpty() && "POST".equals(ex.method())) {
      execute(ex);
      return;
    }
    String[] parts = rest.substring(1).split("/");
    Statement s = statements.get(parts[0]);
    if (s == null) {
      throw ApiError.notFound("RESOURCE_DOES_NOT_EXIST", "Statement " + parts[0] + " does not exist.");
    }
    if (parts.length == 1 && "GET".equals(ex.method())) {
      ex.sendJson(200, s.toJson());
    } else if (parts.length == 2 && "cancel".equals(parts[1]) && "POST".equals(ex.method())) {
      runner.cancel(s);
      ex.sendJson(200, StandInExchange.JSON.createObjectNode());
    } else {
      throw StandInRouter.noEndpoint(ex);
    }
  }

  private void execute(StandInExchange ex) throws IOException, InterruptedException {
    JsonNode req = ex.json();
    String warehouseId = required(req, "warehouse_id");
    String sql = required(req, "statement");
    Duration wait = waitTimeout(req.path("wait_timeout").asText("10s"));
    String onTimeout = req.path("on_wait_timeout").asText("CONTINUE");
    if (!"CONTINUE".equals(onTimeout) && !"CANCEL".equals(onTimeout)) {
      throw ApiError.invalid("on_wait_timeout must be CONTINUE or CANCEL, not " + onTimeout);
    }
    onlySupported(req, "disposition", "INLINE");
    onlySupported(req, "format", "JSON_ARRAY");
    warehouses.startFor(warehouseId);

    Map<String, StatementRunner.ParameterValue> parameters = new LinkedHashMap<>();
    for (JsonNode p : req.path("parameters")) {
      parameters.put(required(p, "name"), new StatementRunner.ParameterValue(
          p.hasNonNull("value") ? p.get("value").asText() : null, p.hasNonNull("type") ? p.get("type").asText() : null));
    }
    Statement s = new Statement(sql);
    statements.put(s.id, s);
    runner.submit(s, new StatementRunner.Options(text(req, "catalog"), text(req, "schema"), parameters));
    if (!wait.isZero() && !s.await(wait) && "CANCEL".equals(onTimeout)) {
      runner.cancel(s);
    }
    ex.sendJson(200, s.toJson());
  }

  /** "0s" (answer at once) or 5 to 50 seconds, the range Databricks accepts. */
  private static Duration waitTimeout(String text) {
    Matcher m = WAIT.matcher(text);
    if (m.matches()) {
      long seconds = Long.parseLong(m.group(1));
      if (seconds == 0 || seconds >= 5 && seconds <= 50) {
        return Duration.ofSeconds(seconds);
      }
    }
    throw ApiError.invalid("wait_timeout must be 0s or between 5s and 50s, not " + text);
  }

  private static void onlySupported(JsonNode req, String field, String value) {
    String given = req.path(field).asText(value);
    if (!value.equals(given)) {
      throw ApiError.invalid("The stand-in supports only " + field + " " + value + ", not " + given);
    }
  }
}
