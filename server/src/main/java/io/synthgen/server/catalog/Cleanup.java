package io.synthgen.server.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes what publishing no longer needs: the staging files once every table is loaded, and files of earlier
 * landings once an overwrite's new files are in place. Best effort: a file that cannot be removed is a warning,
 * never a failure of a publish whose data is already in place.
 */
final class Cleanup {

  private Cleanup() {
  }

  static List<String> staging(Workspace ws, Preparation p) {
    List<String> warnings = new ArrayList<>();
    Set<String> dirs = new LinkedHashSet<>();
    for (Upload u : p.uploads()) {
      delete(ws, u.remote(), warnings);
      dirs.add(u.remote().substring(0, u.remote().lastIndexOf('/')));
    }
    for (String d : dirs) {
      deleteDir(ws, d, warnings);
    }
    deleteDir(ws, p.stagingDir(), warnings);
    return warnings;
  }

  static List<String> staleFiles(Workspace ws, List<String> files) {
    List<String> warnings = new ArrayList<>();
    for (String f : files) {
      delete(ws, f, warnings);
    }
    return warnings;
  }

  private static void delete(Workspace ws, String path, List<String> warnings) {
    try {
      ws.deleteFile(path);
    } catch (CatalogException e) {
      if (e.kind() != CatalogException.Kind.NOT_FOUND) {
        warnings.add("could not remove " + path + ": " + e.getMessage());
      }
    }
  }

  private static void deleteDir(Workspace ws, String path, List<String> warnings) {
    try {
      if (ws.list(path).isEmpty()) {
        ws.deleteDirectory(path);
      }
    } catch (CatalogException e) {
      if (e.kind() != CatalogException.Kind.NOT_FOUND) {
        warnings.add("could not remove the folder " + path + ": " + e.getMessage());
      }
    }
  }
}
