package io.synthgen.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/expressions.md documents exactly the functions the compiler knows, and its examples compile. */
class ExpressionDocsTest {

  private static final Pattern ROW = Pattern.compile("^\\| `([a-z_0-9]+)\\(");

  static Path doc() {
    String root = System.getProperty("synthgen.root");
    Path dir = root != null ? Paths.get(root) : Paths.get("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("docs/expressions.md"))) {
      dir = dir.getParent();
    }
    assertTrue(dir != null, "docs/expressions.md not found above " + root);
    return dir.resolve("docs/expressions.md");
  }

  @Test
  void functionTableListsExactlyTheCompilersFunctions() throws IOException {
    List<String> lines = Files.readAllLines(doc());
    int start = lines.indexOf("## Functions");
    assertTrue(start >= 0, "the doc has a '## Functions' section");
    Set<String> documented = new LinkedHashSet<>();
    for (String line : lines.subList(start, lines.size())) {
      if (line.startsWith("## ") && !line.equals("## Functions")) {
        break;
      }
      Matcher m = ROW.matcher(line);
      if (m.find()) {
        assertTrue(documented.add(m.group(1)), "documented twice: " + m.group(1));
      }
    }
    assertEquals(ExprCompiler.functionNames(), documented);
    assertEquals(List.copyOf(ExprCompiler.functionNames()), List.copyOf(documented), "same order as the registry");
  }
}
