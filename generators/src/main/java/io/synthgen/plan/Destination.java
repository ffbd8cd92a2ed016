package io.synthgen.plan;

/**
 * Where a full run goes. {@code kind} is local (files under {@code path}) or unity_catalog ({@code catalog},
 * {@code schema}, optional {@code volume}); catalog and schema are never defaulted.
 */
public record Destination(Kind kind, String path, Format format, Compression compression, String catalog,
    String schema, String volume) {

  public enum Kind { LOCAL, UNITY_CATALOG }

  public enum Format { PARQUET, CSV, JSONL }

  public enum Compression { ZSTD, SNAPPY, GZIP, NONE }

  public static Destination local(String path) {
    return new Destination(Kind.LOCAL, path, Format.PARQUET, Compression.ZSTD, null, null, null);
  }

  public Destination withPath(String p) {
    return new Destination(kind, p, format, compression, catalog, schema, volume);
  }

  public Destination withFormat(Format f) {
    return new Destination(kind, path, f, compression, catalog, schema, volume);
  }

  public Destination withCompression(Compression c) {
    return new Destination(kind, path, format, c, catalog, schema, volume);
  }
}
