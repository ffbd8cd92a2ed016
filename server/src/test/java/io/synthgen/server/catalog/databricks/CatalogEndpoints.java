package io.synthgen.server.catalog.databricks;

import static io.synthgen.server.catalog.databricks.RequestFields.required;
import static io.synthgen.server.catalog.databricks.RequestFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.UUID;

/**
 * Unity Catalog under {@code /api/2.1/unity-catalog}: get a catalog (catalogs come from the test, never the client);
 * get and create schemas and volumes; get a table and ask whether it exists. Tables are made by SQL statements, so
 * their metadata is read from Spark.
 */
final class CatalogEndpoints {

  static final String PREFIX = "/api/2.1/unity-catalog/";

  private static final String OWNER = "standin@example.com";

  private final UnityCatalog catalog;

  CatalogEndpoints(UnityCatalog catalog) {
    this.catalog = catalog;
  }

  void handle(StandInExchange ex) throws IOException {
    String[] parts = ex.path().substring(PREFIX.length()).split("/");
    String kind = parts[0];
    boolean get = "GET".equals(ex.method());
    if (parts.length == 1 && "POST".equals(ex.method()) && "schemas".equals(kind)) {
      JsonNode req = ex.json();
      ex.sendJson(200, schema(catalog.createSchema(required(req, "catalog_name"), required(req, "name"),
          text(req, "comment"))));
    } else if (parts.length == 1 && "POST".equals(ex.method()) && "volumes".equals(kind)) {
      JsonNode req = ex.json();
      String type = req.path("volume_type").asText("MANAGED");
      if (!"MANAGED".equals(type)) {
        throw ApiError.invalid("The stand-in supports only MANAGED volumes, not " + type);
      }
      ex.sendJson(200, volume(catalog.createVolume(required(req, "catalog_name"), required(req, "schema_name"),
          required(req, "name"), text(req, "comment"))));
    } else if (parts.length == 2 && get && "catalogs".equals(kind)) {
      ex.sendJson(200, catalogInfo(parts[1]));
    } else if (parts.length == 2 && get && "schemas".equals(kind)) {
      String[] name = fullName(parts[1], 2);
      ex.sendJson(200, schema(catalog.schema(name[0], name[1])));
    } else if (parts.length == 2 && get && "volumes".equals(kind)) {
      String[] name = fullName(parts[1], 3);
      ex.sendJson(200, volume(catalog.volume(name[0], name[1], name[2])));
    } else if (parts.length == 2 && get && "tables".equals(kind)) {
      String[] name = fullName(parts[1], 3);
      ex.sendJson(200, TableInfos.tableInfo(catalog.schema(name[0], name[1]), name[2]));
    } else if (parts.length == 3 && get && "tables".equals(kind) && "exists".equals(parts[2])) {
      String[] name = fullName(parts[1], 3);
      boolean exists = TableInfos.exists(catalog.schema(name[0], name[1]), name[2]);
      ex.sendJson(200, StandInExchange.JSON.createObjectNode().put("table_exists", exists));
    } else {
      throw StandInRouter.noEndpoint(ex);
    }
  }

  private ObjectNode catalogInfo(String name) {
    long createdAt = catalog.catalogCreatedAt(name);
    return StandInExchange.JSON.createObjectNode()
        .put("name", UnityCatalog.lower(name))
        .put("full_name", UnityCatalog.lower(name))
        .put("catalog_type", "MANAGED_CATALOG")
        .put("owner", OWNER)
        .put("created_at", createdAt);
  }

  private static ObjectNode schema(UnityCatalog.Schema s) {
    ObjectNode node = StandInExchange.JSON.createObjectNode()
        .put("name", s.name())
        .put("catalog_name", s.catalog())
        .put("full_name", s.fullName())
        .put("catalog_type", "MANAGED_CATALOG")
        .put("schema_id", UUID.nameUUIDFromBytes(s.fullName().getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toString())
        .put("owner", OWNER)
        .put("created_at", s.createdAt());
    if (s.comment() != null) {
      node.put("comment", s.comment());
    }
    return node;
  }

  private static ObjectNode volume(UnityCatalog.Volume v) {
    ObjectNode node = StandInExchange.JSON.createObjectNode()
        .put("name", v.name())
        .put("catalog_name", v.catalog())
        .put("schema_name", v.schema())
        .put("full_name", v.fullName())
        .put("volume_type", "MANAGED")
        .put("volume_id", UUID.nameUUIDFromBytes(v.fullName().getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toString())
        .put("storage_location", v.folder().toUri().toString())
        .put("owner", OWNER)
        .put("created_at", v.createdAt());
    if (v.comment() != null) {
      node.put("comment", v.comment());
    }
    return node;
  }

  /** {@code catalog.schema[.name]} split into its parts; a different number of parts is the client's mistake. */
  private static String[] fullName(String name, int parts) {
    String[] split = name.split("\\.", -1);
    if (split.length != parts) {
      throw ApiError.invalid("Invalid full name '" + name + "': expected " + parts + " dot-separated parts");
    }
    return split;
  }
}
