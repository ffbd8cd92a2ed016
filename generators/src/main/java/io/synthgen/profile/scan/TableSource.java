package io.synthgen.profile.scan;

import java.nio.file.Path;
import java.util.List;

/**
 * One table found in a source: a file, or a folder of part files of one format read in name order.
 *
 * @param name the table name (an identifier made from the file or folder name)
 * @param location the file or folder, relative to the output root, with {@code /} separators
 * @param format {@code parquet}, {@code csv} or {@code jsonl}
 * @param gzip true for {@code .csv.gz} and {@code .jsonl.gz}
 * @param parts the files, in row order
 */
record TableSource(String name, String location, String format, boolean gzip, List<Path> parts) {

  TableSource {
    parts = List.copyOf(parts);
  }
}
