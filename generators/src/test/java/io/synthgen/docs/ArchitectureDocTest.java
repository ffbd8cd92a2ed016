package io.synthgen.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The package tables of docs/architecture.md name exactly the packages of each module. */
class ArchitectureDocTest {

  @Test
  void packageTableMatchesTheSources() throws IOException {
    assertTableMatches("generators", "generators/src/main/java/io/synthgen");
  }

  @Test
  void serverPackageTableMatchesTheSources() throws IOException {
    assertTableMatches("server", "server/src/main/java/io/synthgen/server");
  }

  private static void assertTableMatches(String module, String sources) throws IOException {
    String doc = Files.readString(DocFiles.root().resolve("docs/architecture.md"));
    Matcher section = Pattern.compile("(?s)### " + module + ".*?\\n(\\|.*?)\\n\\n").matcher(doc);
    assertTrue(section.find(), "docs/architecture.md has a '### " + module + "' section with a package table");
    Set<String> documented = new TreeSet<>();
    Matcher row = Pattern.compile("(?m)^\\| `([a-z.]+)` \\|").matcher(section.group(1));
    while (row.find()) {
      documented.add(row.group(1));
    }
    Path base = DocFiles.root().resolve(sources);
    Set<String> packages = new TreeSet<>();
    try (Stream<Path> files = Files.walk(base)) {
      files.filter(p -> p.toString().endsWith(".java"))
          .forEach(p -> {
            StringBuilder name = new StringBuilder();
            for (Path part : base.relativize(p.getParent())) {
              name.append(name.length() == 0 ? "" : ".").append(part);
            }
            packages.add(name.toString());
          });
    }
    assertEquals(packages, documented,
        "packages of " + sources + " against the table in docs/architecture.md; "
            + "add a row for a new package, remove the row of a removed one");
  }
}
