package io.synthgen.server.cli;

import io.synthgen.dictionary.Dictionaries;
import io.synthgen.draft.ddl.DdlLimits;
import io.synthgen.draft.ddl.DdlPlans;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.template.Scaling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;

/**
 * {@code synthgen plan --ddl FILE}: the plan drafted from a DDL file, with --rows and --seed applied; the reference
 * date is today. The file is read only when it is within the DDL's size limit.
 */
final class DdlFile {

  /** Bytes a DDL file may have: 4 per character of {@link DdlLimits#MAX_DDL_LENGTH}, the most UTF-8 takes. */
  static final long MAX_BYTES = 4L * DdlLimits.MAX_DDL_LENGTH;

  private DdlFile() {
  }

  static Plan load(Path file, Long rows, Long seed, LocalDate today) throws IOException, PlanException {
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(file + " is a folder; give the file with the CREATE TABLE statements");
    }
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "%s has %,d bytes; a DDL file may have at most "
          + "%,d characters: give only the CREATE TABLE statements of the tables to generate", file, size,
          DdlLimits.MAX_DDL_LENGTH));
    }
    String text = PlanCodec.utf8(Files.readAllBytes(file));
    Plan plan = PlanCodec.fromJson(DdlPlans.draft(text, today, seed == null ? Plan.DEFAULT_SEED : seed),
        new HashSet<>(Dictionaries.standard().names()));
    return rows == null ? plan : Scaling.scale(plan, rows);
  }
}
