package io.synthgen.server.catalog;

import io.synthgen.plan.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Plans a landing of files in a volume, one folder per table ({@code /Volumes/c/s/v/table/}). File names start
 * with the run key, so a repeated or resumed landing of the same run finds its own files, and an overwrite can
 * remove the files of other runs once the new ones are in place.
 */
final class PrepareFiles {

  private PrepareFiles() {
  }

  static Preparation prepare(Workspace ws, PublishRequest req, PublishSource src, boolean schemaExists,
      boolean volumeExists) {
    List<Upload> uploads = new ArrayList<>();
    List<TableAction> actions = new ArrayList<>();
    List<String> replaces = new ArrayList<>();
    List<String> stale = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    String prefix = src.runKey() + "-";
    for (Table t : src.plan().tables()) {
      String folder = req.volumePath() + "/" + t.name();
      List<Upload> ups = Publisher.uploads(src, t, folder, prefix);
      uploads.addAll(ups);
      Set<String> ours = Publisher.names(ups);
      List<String> others = new ArrayList<>();
      if (volumeExists) {
        for (RemoteFile f : ws.list(folder)) {
          boolean mine = src.run() != null ? ours.contains(f.path())
              : f.path().substring(f.path().lastIndexOf('/') + 1).startsWith(prefix);
          if (!f.directory() && !mine) {
            others.add(f.path());
          }
        }
      }
      TableAction.Action action = TableAction.Action.LAND_FILES;
      if (!others.isEmpty()) {
        switch (req.mode()) {
          case OVERWRITE:
            replaces.add(folder + " (" + others.size() + (others.size() == 1 ? " file)" : " files)"));
            stale.addAll(others);
            action = TableAction.Action.REPLACE_FILES;
            break;
          case FAIL_IF_EXISTS:
            problems.add(folder + " already holds " + others.size() + (others.size() == 1 ? " file" : " files"));
            break;
          case APPEND:
            break;
        }
      }
      actions.add(new TableAction(t.name(), folder, action, Publisher.rows(src, t), List.of()));
    }
    if (!problems.isEmpty()) {
      throw new CatalogException(CatalogException.Kind.CONFLICT, "nothing was changed: " + String.join("; ",
          problems), "ask the person: mode overwrite replaces those files (they must confirm), append adds beside "
          + "them, or choose another volume");
    }
    return new Preparation(req, src, null, null, !schemaExists, !volumeExists, uploads, null, actions, replaces,
        stale);
  }
}
