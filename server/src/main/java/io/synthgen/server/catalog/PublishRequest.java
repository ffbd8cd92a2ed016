package io.synthgen.server.catalog;

import java.util.Locale;

/**
 * Where and how to publish a run. Catalog and schema always come from the person; they are never defaulted. The
 * mode defaults to overwrite, which still asks for confirmation before anything existing is replaced.
 *
 * @param warehouseId the SQL warehouse for the statements; null to pick one (running serverless first)
 * @param volume for {@link Target#TABLES} the staging volume (default {@value #DEFAULT_STAGING_VOLUME}); for
 *     {@link Target#FILES} the volume the files land in (required)
 * @param format for {@link Target#FILES}: the file format of the landed files
 * @param engine what generates the rows: {@link Engine#UPLOAD} (default; this machine, then uploaded) for tables
 *     or files, {@link Engine#WAREHOUSE} or {@link Engine#JOB} (inside Databricks) for tables only
 */
public record PublishRequest(String catalog, String schema, String warehouseId, String volume, Mode mode,
    Target target, FileFormat format, Engine engine) {

  public static final String DEFAULT_STAGING_VOLUME = "synthgen_staging";

  /** What happens to tables (or files) that already exist. */
  public enum Mode {
    /** Replace them, schema included (needs the person's confirmation when something would be replaced). */
    OVERWRITE,
    /** Add the rows (files) to what is there; an existing table must have the plan's columns and types. */
    APPEND,
    /** Refuse before changing anything when any of them exists. */
    FAIL_IF_EXISTS;

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Mode parse(String s) {
      for (Mode m : values()) {
        if (m.jsonName().equals(s) || m.name().equalsIgnoreCase(s)) {
          return m;
        }
      }
      throw new IllegalArgumentException("unknown mode '" + s + "'; use overwrite, append or fail-if-exists");
    }
  }

  /** Delta tables (loaded through a staging volume), or files only, landed in a volume for ingestion pipelines. */
  public enum Target {
    TABLES, FILES;

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Target parse(String s) {
      for (Target t : values()) {
        if (t.name().equalsIgnoreCase(s)) {
          return t;
        }
      }
      throw new IllegalArgumentException("unknown target '" + s + "'; use tables or files");
    }
  }

  /** File formats for {@link Target#FILES}: Parquet (ZSTD), CSV with a header row, JSON lines. */
  public enum FileFormat {
    PARQUET, CSV, JSON;

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static FileFormat parse(String s) {
      for (FileFormat f : values()) {
        if (f.name().equalsIgnoreCase(s) || (f == JSON && "jsonl".equalsIgnoreCase(s))) {
          return f;
        }
      }
      throw new IllegalArgumentException("unknown file format '" + s + "'; use parquet, csv or json");
    }
  }

  /**
   * What generates the rows. The names are write_to_uc's {@code engine} values; {@code upload} is not called
   * {@code files} because {@code target: files} already means files landed in a volume.
   */
  public enum Engine {
    /** The local engine generates Parquet on this machine; it is uploaded to a volume and loaded with SQL. */
    UPLOAD,
    /** The plan compiled to Spark SQL runs in the SQL warehouse: {@code CREATE TABLE … AS SELECT}, no upload. */
    WAREHOUSE,
    /** The plan exported as a notebook runs as a serverless job. */
    JOB;

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Engine parse(String s) {
      for (Engine e : values()) {
        if (e.name().equalsIgnoreCase(s)) {
          return e;
        }
      }
      throw new IllegalArgumentException("unknown engine '" + s + "'; use warehouse, upload or job");
    }
  }

  /** With the default engine, {@link Engine#UPLOAD}. */
  public PublishRequest(String catalog, String schema, String warehouseId, String volume, Mode mode, Target target,
      FileFormat format) {
    this(catalog, schema, warehouseId, volume, mode, target, format, null);
  }

  public PublishRequest {
    if (catalog == null || catalog.isBlank() || schema == null || schema.isBlank()) {
      throw new IllegalArgumentException("catalog and schema are required; ask the person which Unity Catalog "
          + "catalog and schema to write to (they are never defaulted)");
    }
    UcNames.require("catalog", catalog);
    UcNames.require("schema", schema);
    mode = mode == null ? Mode.OVERWRITE : mode;
    target = target == null ? Target.TABLES : target;
    if (target == Target.FILES) {
      if (volume == null || volume.isBlank()) {
        throw new IllegalArgumentException("files go to a Unity Catalog volume; ask the person which volume in "
            + catalog + "." + schema + " to land them in (it is created if missing)");
      }
      format = format == null ? FileFormat.PARQUET : format;
    } else {
      volume = volume == null || volume.isBlank() ? DEFAULT_STAGING_VOLUME : volume;
      if (format != null && format != FileFormat.PARQUET) {
        throw new IllegalArgumentException("tables are loaded from Parquet; a file format applies to target files "
            + "only");
      }
      format = FileFormat.PARQUET;
    }
    engine = engine == null ? Engine.UPLOAD : engine;
    if (target == Target.FILES && engine != Engine.UPLOAD) {
      throw new IllegalArgumentException("files for a volume are generated on this machine and uploaded; engine "
          + engine.jsonName() + " makes Delta tables: use target tables, or leave out engine");
    }
    UcNames.require("volume", volume);
    if (warehouseId != null && warehouseId.isBlank()) {
      warehouseId = null;
    }
  }

  public PublishRequest withEngine(Engine e) {
    return new PublishRequest(catalog, schema, warehouseId, volume, mode, target, format, e);
  }

  public String volumePath() {
    return UcNames.volumePath(catalog, schema, volume);
  }
}
