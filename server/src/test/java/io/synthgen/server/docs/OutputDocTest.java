package io.synthgen.server.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.docs.DocFiles;
import io.synthgen.server.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/output.md against a real run of the retail template: the layout lists the files a run writes, every
 * manifest field is documented, and the manifest example has the real manifest's shape.
 */
class OutputDocTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path tmp;
  private static Path run;
  private static JsonNode manifest;
  private static String doc;

  @BeforeAll
  static void generate() throws IOException {
    run = tmp.resolve("retail");
    assertEquals(0, Main.run("generate", "retail", "--rows", "500", "--threads", "1", "--out", run.toString()));
    manifest = JSON.readTree(run.resolve("manifest.json").toFile());
    doc = DocFiles.read("docs/output.md");
  }

  @Test
  void layoutListsEveryFileOfARun() throws IOException {
    Matcher block = Pattern.compile("(?s)## Layout.*?```\\n(.*?)```").matcher(doc);
    assertTrue(block.find(), "docs/output.md has a layout block under '## Layout'");
    Set<String> documented = new TreeSet<>();
    for (String line : block.group(1).split("\n")) {
      String[] words = line.strip().split("\\s+");
      if (!words[0].isEmpty() && !words[0].endsWith("/")) {
        documented.add(words[0]);
      }
    }
    Set<String> written = new TreeSet<>();
    try (Stream<Path> files = Files.list(run)) {
      files.forEach(p -> written.add(p.getFileName().toString()));
    }
    assertEquals(written, documented, "files of 'synthgen generate retail' against the layout in docs/output.md");
  }

  @Test
  void everyManifestFieldIsDocumented() {
    Set<String> missing = new TreeSet<>();
    for (String path : paths(manifest, "")) {
      String field = path.substring(path.lastIndexOf('.') + 1).replace("[]", "");
      if (!doc.contains("`" + field + "`")) {
        missing.add(field);
      }
    }
    assertEquals(Set.of(), missing, "manifest.json fields that docs/output.md does not mention as `code`");
  }

  @Test
  void checkKindsAreDocumented() {
    Set<String> missing = new TreeSet<>();
    for (JsonNode c : manifest.path("validation").path("checks")) {
      String kind = c.path("kind").asText();
      if (!doc.contains("| `" + kind + "` |")) {
        missing.add(kind);
      }
    }
    assertEquals(Set.of(), missing, "check kinds without a row in docs/output.md");
  }

  @Test
  void manifestExampleHasTheRealShape() throws IOException {
    Matcher m = Pattern.compile("(?s)```json\\n(\\{\\s*\"synthgen_manifest\".*?)```").matcher(doc);
    assertTrue(m.find(), "docs/output.md shows a manifest example in a json block");
    JsonNode example = JSON.readTree(m.group(1));
    assertEquals(new TreeSet<>(paths(manifest, "")), new TreeSet<>(paths(example, "")),
        "field paths of the manifest example against a real manifest");
  }

  /** Every field path of a JSON tree, array elements as []: plan.hash, tables[].files[].sha256 ... */
  private static List<String> paths(JsonNode node, String prefix) {
    List<String> out = new ArrayList<>();
    if (node.isObject()) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        String p = prefix.isEmpty() ? name : prefix + "." + name;
        out.add(p);
        out.addAll(paths(node.get(name), p));
      }
    } else if (node.isArray()) {
      for (JsonNode e : node) {
        out.addAll(paths(e, prefix + "[]"));
      }
    }
    return out;
  }
}
