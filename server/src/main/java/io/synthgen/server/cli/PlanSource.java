package io.synthgen.server.cli;

import io.synthgen.dictionary.Dictionaries;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.template.Scaling;
import io.synthgen.template.Templates;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The plan argument shared by plan, sample and generate: a template name or a plan file, with overrides. A bare
 * template name is always the template, even when a file or folder of that name is in the working folder (a note on
 * stderr says how to read that instead); anything else is a path, read only if it is a file.
 */
final class PlanSource {

  @Parameters(index = "0", paramLabel = "<industry|plan.json>",
      description = "A template (retail, ...; see 'synthgen templates') or a plan file.")
  String source;

  @Option(names = "--rows", paramLabel = "N",
      description = "Rows of the plan's main table; the other tables keep their ratios to it.")
  Long rows;

  @Option(names = "--seed", paramLabel = "S", description = "Seed for every random value (default: the plan's, 42).")
  Long seed;

  /** The folder relative paths start from: the working folder (tests set another). */
  Path workingDir = Path.of("");

  Plan load() throws PlanException, IOException {
    Plan plan;
    Path file = workingDir.resolve(source);
    List<String> templates = Templates.names();
    if (templates.contains(source)) {
      if (Files.exists(file)) {
        Path local = Path.of(".").resolve(source);
        System.err.println("synthgen: using the " + source + " template, not the " + (Files.isDirectory(file)
            ? "folder " + local + "; for a plan file in it, give " + local.resolve("plan.json")
            : "file " + local + "; to read that file as a plan, give " + local));
      }
      plan = Templates.load(source);
    } else if (Files.isRegularFile(file)) {
      // with the dictionary names, so an unknown dictionary is reported with every other problem of the file
      plan = PlanCodec.read(utf8(Files.readAllBytes(file)), new HashSet<>(Dictionaries.standard().names()));
    } else if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(source + " is a folder, not a plan file; give the plan file in it (such as "
          + file.resolve("plan.json") + ") or a template name (" + String.join(", ", templates) + ")");
    } else if (source.endsWith(".json") || source.contains("/") || source.contains(file.getFileSystem()
        .getSeparator())) {
      throw new IllegalArgumentException("no plan file " + source + "; give a template name ("
          + String.join(", ", templates) + ") or the path of a plan.json");
    } else {
      plan = Templates.load(source);
    }
    if (rows != null) {
      plan = Scaling.scale(plan, rows);
    }
    if (seed != null) {
      plan = plan.withSeed(seed);
    }
    return plan;
  }

  /** The text of a plan file; bytes that are not UTF-8 are a violation at the document's root, with their offset. */
  static String utf8(byte[] bytes) throws PlanException {
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = d.decode(in, out, true);
    if (!r.isError()) {
      r = d.flush(out);
    }
    if (r.isError()) {
      int at = in.position();
      throw new PlanException(List.of(new Violation("$", at < bytes.length ? String.format("byte 0x%02X",
          bytes[at] & 0xFF) : "the end of the file",
          "the file is not valid UTF-8 at byte " + at, "save the plan as UTF-8 (JSON text is UTF-8); "
              + "in an editor choose the UTF-8 encoding, or convert it with iconv -t UTF-8")));
    }
    return out.flip().toString();
  }
}
