package io.synthgen.profile;

import java.util.List;

/**
 * The profile of a source: a file, a folder of files or a set of warehouse tables.
 *
 * @param source what was profiled, as the person named it (a path relative to the output root, a table name)
 * @param tables one profile per table, in the order they were found (file names sorted)
 * @param foreignKeys column pairs where every non-null child value is among the parent key's values
 * @param notes what the profiler skipped or approximated and why (a file over a limit, a column of an unsupported
 *     type), in plain words for the person
 */
public record SourceProfile(String source, List<TableProfile> tables, List<ForeignKeyCandidate> foreignKeys,
    List<String> notes) {

  public SourceProfile {
    tables = List.copyOf(tables);
    foreignKeys = List.copyOf(foreignKeys);
    notes = List.copyOf(notes);
  }
}
