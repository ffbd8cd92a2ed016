package io.synthgen.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Destinations stay inside the output root, whatever the path says. */
class OutputPathsTest {

  @TempDir
  Path tmp;

  @Test
  void insideTheRoot() {
    Path root = tmp.resolve("out");
    assertEquals(root.resolve("retail"), OutputPaths.resolve(root, "retail"));
    assertEquals(root.resolve("a/b"), OutputPaths.resolve(root, "a/./b"));
    assertEquals(root.resolve("x"), OutputPaths.resolve(root, root.resolve("x").toString()));
  }

  @Test
  void escapesAreRefused() throws Exception {
    Path root = tmp.resolve("out");
    Files.createDirectories(root);
    for (String p : new String[] {"../x", "a/../../x", "/etc", "", ".", tmp.toString()}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutputPaths.resolve(root, p),
          p);
      assertTrue(e.getMessage().contains("output root") || e.getMessage().contains("no path"), e.getMessage());
    }
    Files.createSymbolicLink(root.resolve("link"), tmp);
    assertThrows(IllegalArgumentException.class, () -> OutputPaths.resolve(root, "link/x"));
  }
}
