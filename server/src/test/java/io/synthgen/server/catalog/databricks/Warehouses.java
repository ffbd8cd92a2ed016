package io.synthgen.server.catalog.databricks;

import com.databricks.sdk.service.sql.State;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The SQL warehouses a test configures, and {@code /api/2.0/sql/warehouses}: list, get, start and stop. A statement
 * sent to a stopped warehouse starts it, as Databricks does.
 */
final class Warehouses {

  static final String PREFIX = "/api/2.0/sql/warehouses";

  private static final class Warehouse {
    final String id;
    final String name;
    final boolean serverless;
    volatile State state;

    Warehouse(String id, String name, State state, boolean serverless) {
      this.id = id;
      this.name = name;
      this.state = state;
      this.serverless = serverless;
    }
  }

  private final Map<String, Warehouse> warehouses = new ConcurrentSkipListMap<>();

  void add(String id, String name, State state, boolean serverless) {
    warehouses.put(id, new Warehouse(id, name, state, serverless));
  }

  /** The warehouse's state; 404 when there is none with this id. */
  State state(String id) {
    return require(id).state;
  }

  /** Starts the warehouse for a statement; 404 when there is none with this id. */
  void startFor(String id) {
    require(id).state = State.RUNNING;
  }

  void handle(StandInExchange ex) throws IOException {
    String rest = ex.path().substring(PREFIX.length());
    String method = ex.method();
    if (rest.isEmpty() && "GET".equals(method)) {
      ObjectNode body = StandInExchange.JSON.createObjectNode();
      ArrayNode list = body.putArray("warehouses");
      warehouses.values().forEach(w -> list.add(json(w)));
      ex.sendJson(200, body);
      return;
    }
    String[] parts = rest.substring(1).split("/");
    Warehouse w = require(parts[0]);
    if (parts.length == 1 && "GET".equals(method)) {
      ex.sendJson(200, json(w));
    } else if (parts.length == 2 && "POST".equals(method) && "start".equals(parts[1])) {
      w.state = State.RUNNING;
      ex.sendJson(200, StandInExchange.JSON.createObjectNode());
    } else if (parts.length == 2 && "POST".equals(method) && "stop".equals(parts[1])) {
      w.state = State.STOPPED;
      ex.sendJson(200, StandInExchange.JSON.createObjectNode());
    } else {
      throw StandInRouter.noEndpoint(ex);
    }
  }

  private Warehouse require(String id) {
    Warehouse w = warehouses.get(id);
    if (w == null) {
      throw ApiError.notFound("RESOURCE_DOES_NOT_EXIST", "SQL warehouse " + id + " does not exist.");
    }
    return w;
  }

  private static ObjectNode json(Warehouse w) {
    return StandInExchange.JSON.createObjectNode()
        .put("id", w.id)
        .put("name", w.name)
        .put("state", w.state.name())
        .put("enable_serverless_compute", w.serverless)
        .put("warehouse_type", w.serverless ? "PRO" : "CLASSIC")
        .put("cluster_size", "2X-Small")
        .put("num_clusters", w.state == State.RUNNING ? 1 : 0)
        .put("auto_stop_mins", 10)
        .put("jdbc_url", "jdbc:databricks://127.0.0.1:443/default;httpPath=/sql/1.0/warehouses/" + w.id);
  }
}
