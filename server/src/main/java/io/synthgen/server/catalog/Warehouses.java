package io.synthgen.server.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Picks the SQL warehouse for the statements: the one asked for, else running serverless, running, serverless. */
final class Warehouses {

  /** The choice and one sentence on why it was made, for the person. */
  record Choice(Warehouse warehouse, String reason) {
  }

  private Warehouses() {
  }

  static Choice choose(List<Warehouse> all, String requestedId, String host) {
    if (requestedId != null) {
      for (Warehouse w : all) {
        if (w.id().equals(requestedId)) {
          if (!w.usable()) {
            throw new CatalogException(CatalogException.Kind.NOT_FOUND, "the SQL warehouse " + requestedId + " is "
                + w.state().toLowerCase(java.util.Locale.ROOT), "give another warehouse_id" + available(all));
          }
          return new Choice(w, "the warehouse asked for, " + w.describe());
        }
      }
      throw new CatalogException(CatalogException.Kind.NOT_FOUND, "there is no SQL warehouse with id " + requestedId
          + " in " + host, "give one of the workspace's warehouses" + available(all));
    }
    Warehouse best = all.stream().filter(Warehouse::usable).min(Comparator.comparingInt(Warehouses::rank)
        .thenComparing(Warehouse::name)).orElse(null);
    if (best == null) {
      throw new CatalogException(CatalogException.Kind.NOT_FOUND, "the workspace " + host + " has no SQL warehouse "
          + "you can use", "create a serverless SQL warehouse (SQL Warehouses > Create) or ask for access to one, "
          + "then give its id as warehouse_id");
    }
    String why;
    switch (rank(best)) {
      case 0: why = "a running serverless warehouse"; break;
      case 1: why = "a running warehouse (no serverless one is running)"; break;
      case 2: why = "a serverless warehouse; it starts on the first statement (no warehouse was running)"; break;
      default: why = "the only kind available; it starts on the first statement, which can take minutes"; break;
    }
    return new Choice(best, "picked " + best.describe() + ": " + why);
  }

  private static int rank(Warehouse w) {
    if (w.running()) {
      return w.serverless() ? 0 : 1;
    }
    return w.serverless() ? 2 : 3;
  }

  private static String available(List<Warehouse> all) {
    if (all.isEmpty()) {
      return " (the workspace has none)";
    }
    return ": " + all.stream().map(Warehouse::describe).collect(Collectors.joining(", "));
  }
}
