package io.synthgen.server.catalog.databricks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalogs, schemas and volumes of one stand-in. A schema is backed by a Spark database named after the stand-in,
 * catalog and schema ({@code standin3_demo__retail}) whose tables live under {@code root/tables}; a volume is a folder
 * under {@code root/volumes}. Names are case-insensitive and kept in lower case, as Unity Catalog keeps them.
 */
final class UnityCatalog implements StandInSql.Names {

  /** A schema and the Spark database behind it. */
  record Schema(String catalog, String name, String comment, String database, long createdAt) {
    String fullName() {
      return catalog + "." + name;
    }
  }

  /** A volume and its local folder. */
  record Volume(String catalog, String schema, String name, String comment, Path folder, long createdAt) {
    String fullName() {
      return catalog + "." + schema + "." + name;
    }
  }

  private final Path root;
  private final String sparkPrefix;
  private final Map<String, Long> catalogs = new ConcurrentHashMap<>();
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
  private final Map<String, Volume> volumes = new ConcurrentHashMap<>();

  UnityCatalog(Path root, String sparkPrefix) {
    this.root = root;
    this.sparkPrefix = sparkPrefix;
  }

  void addCatalog(String name) {
    catalogs.putIfAbsent(lower(name), System.currentTimeMillis());
  }

  long catalogCreatedAt(String name) {
    Long at = catalogs.get(lower(name));
    if (at == null) {
      throw ApiError.notFound("CATALOG_DOES_NOT_EXIST", "Catalog '" + lower(name) + "' does not exist.");
    }
    return at;
  }

  synchronized Schema createSchema(String catalog, String name, String comment) {
    catalogCreatedAt(catalog);
    String key = lower(catalog) + "." + lower(name);
    if (schemas.containsKey(key)) {
      throw ApiError.conflict("SCHEMA_ALREADY_EXISTS", "Schema '" + key + "' already exists");
    }
    String base = sparkPrefix + safe(catalog) + "__" + safe(name);
    String database = base;
    for (int n = 2; databaseTaken(database); n++) {
      database = base + "_" + n;
    }
    Path location = root.resolve("tables").resolve(lower(catalog)).resolve(lower(name));
    SharedSpark.get().sql("CREATE DATABASE " + StandInSql.quote(database) + " LOCATION "
        + StandInSql.literal(location.toUri().toString()));
    Schema schema = new Schema(lower(catalog), lower(name), comment, database, System.currentTimeMillis());
    schemas.put(key, schema);
    return schema;
  }

  private boolean databaseTaken(String database) {
    return schemas.values().stream().anyMatch(s -> s.database().equals(database));
  }

  Schema schema(String catalog, String name) {
    catalogCreatedAt(catalog);
    Schema s = schemas.get(lower(catalog) + "." + lower(name));
    if (s == null) {
      throw ApiError.notFound("SCHEMA_DOES_NOT_EXIST",
          "Schema '" + lower(catalog) + "." + lower(name) + "' does not exist.");
    }
    return s;
  }

  synchronized Volume createVolume(String catalog, String schema, String name, String comment) {
    schema(catalog, schema);
    String key = lower(catalog) + "." + lower(schema) + "." + lower(name);
    if (volumes.containsKey(key)) {
      throw ApiError.conflict("RESOURCE_ALREADY_EXISTS", "Volume '" + key + "' already exists");
    }
    Path folder = root.resolve("volumes").resolve(lower(catalog)).resolve(lower(schema)).resolve(lower(name));
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Volume v = new Volume(lower(catalog), lower(schema), lower(name), comment, folder, System.currentTimeMillis());
    volumes.put(key, v);
    return v;
  }

  Volume volume(String catalog, String schema, String name) {
    schema(catalog, schema);
    Volume v = volumes.get(lower(catalog) + "." + lower(schema) + "." + lower(name));
    if (v == null) {
      throw ApiError.notFound("RESOURCE_DOES_NOT_EXIST",
          "Volume '" + lower(catalog) + "." + lower(schema) + "." + lower(name) + "' does not exist.");
    }
    return v;
  }

  /**
   * The local file for a {@code /Volumes/catalog/schema/volume/...} path; 404 when the volume is missing, 400 when
   * the path is not under a volume or climbs out of it.
   */
  Path volumeFile(String path) {
    String[] parts = path.split("/", 6);
    if (parts.length < 5 || !parts[0].isEmpty() || !"Volumes".equals(parts[1])) {
      throw ApiError.invalid("Path must be /Volumes/<catalog>/<schema>/<volume>/...: " + path);
    }
    Volume v = volume(parts[2], parts[3], parts[4]);
    Path file = parts.length == 6 ? v.folder().resolve(parts[5]).normalize() : v.folder();
    if (!file.startsWith(v.folder())) {
      throw ApiError.invalid("Path escapes its volume: " + path);
    }
    return file;
  }

  /** The {@code /Volumes/...} path of a local file inside a volume. */
  String volumePath(Path file) {
    Path rel = root.resolve("volumes").relativize(file);
    return "/Volumes/" + rel.toString().replace(java.io.File.separatorChar, '/');
  }

  @Override
  public String table(String catalog, String schema, String table) {
    if (!catalogs.containsKey(lower(catalog))) {
      throw new StandInSql.Unresolved("[NO_SUCH_CATALOG_EXCEPTION] Catalog '" + catalog + "' was not found.");
    }
    Schema s = schemas.get(lower(catalog) + "." + lower(schema));
    if (s == null) {
      throw new StandInSql.Unresolved("[SCHEMA_NOT_FOUND] The schema " + StandInSql.quote(catalog) + "."
          + StandInSql.quote(schema) + " cannot be found. SQLSTATE: 42704");
    }
    return sparkName(s, table);
  }

  @Override
  public String path(String volumePath) {
    String[] parts = volumePath.split("/", 6);
    if (parts.length < 5) {
      return volumePath;
    }
    // a missing volume maps to where it would be, so Spark reports PATH_NOT_FOUND as Databricks does
    Path folder = root.resolve("volumes").resolve(lower(parts[2])).resolve(lower(parts[3])).resolve(lower(parts[4]));
    return (parts.length == 6 ? folder.resolve(parts[5]) : folder).toString();
  }

  static String sparkName(Schema s, String table) {
    return StandInSql.quote(s.database()) + "." + StandInSql.quote(lower(table));
  }

  /** Spark's text (an error message) with the stand-in's databases and folders named as Databricks would name them. */
  String toWorkspaceText(String text) {
    String out = text;
    // longest database names first, so standin1_a__b_2 is not half-replaced as standin1_a__b
    List<Schema> byLength = schemas.values().stream()
        .sorted(Comparator.comparingInt((Schema s) -> s.database().length()).reversed()).toList();
    for (Schema s : byLength) {
      String uc = StandInSql.quote(s.catalog()) + "." + StandInSql.quote(s.name());
      out = out.replace("`spark_catalog`." + StandInSql.quote(s.database()), uc)
          .replace(StandInSql.quote(s.database()), uc)
          .replace("spark_catalog." + s.database(), s.fullName())
          .replace(s.database(), s.fullName());
    }
    String volumesRoot = root.resolve("volumes").toString();
    return out.replace("file:" + volumesRoot, "/Volumes").replace(volumesRoot, "/Volumes");
  }

  List<Schema> schemas() {
    return List.copyOf(schemas.values());
  }

  static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** A name reduced to what a Spark database name can hold without quoting. */
  private static String safe(String name) {
    return lower(name).replaceAll("[^a-z0-9_]", "_");
  }
}
