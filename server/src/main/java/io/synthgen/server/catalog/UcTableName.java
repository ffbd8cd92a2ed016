package io.synthgen.server.catalog;

/** A Unity Catalog table named {@code catalog.schema.table}, each part a plain (unquoted) name. */
record UcTableName(String catalog, String schema, String table) {

  /** The name parsed from {@code catalog.schema.table}, or null when it does not have three valid parts. */
  static UcTableName parse(String text) {
    if (text == null) {
      return null;
    }
    String[] parts = text.split("\\.", -1);
    if (parts.length != 3) {
      return null;
    }
    for (String p : parts) {
      if (UcNames.problem(p) != null) {
        return null;
      }
    }
    return new UcTableName(parts[0], parts[1], parts[2]);
  }

  /** {@code `catalog`.`schema`.`table`}. */
  String sql() {
    return UcNames.qualified(catalog, schema, table);
  }

  @Override
  public String toString() {
    return catalog + "." + schema + "." + table;
  }
}
