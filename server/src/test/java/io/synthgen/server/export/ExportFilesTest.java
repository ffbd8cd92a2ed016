package io.synthgen.server.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exported files: written whole under their name, only into existing folders, replaced only when asked. */
class ExportFilesTest {

  @TempDir
  Path dir;

  @Test
  void writesTheTextAndLeavesNoTemporaryFile() throws Exception {
    Path f = ExportFiles.write(dir.resolve("plan.sql"), "SELECT 1;\n", false);
    assertEquals("SELECT 1;\n", Files.readString(f));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of(f), s.toList());
    }
  }

  @Test
  void refusesToReplaceWithoutForceAndReplacesWithIt() throws Exception {
    Path f = dir.resolve("plan.py");
    Files.writeString(f, "old");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ExportFiles.write(f, "new", false));
    assertTrue(e.getMessage().endsWith("already exists; give another --out, or add --force to replace it"),
        e.getMessage());
    assertEquals("old", Files.readString(f));
    ExportFiles.write(f, "new", true);
    assertEquals("new", Files.readString(f));
  }

  @Test
  void refusesAMissingFolderAndAFolderAsTheFile() throws Exception {
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> ExportFiles.write(dir.resolve("no/such/plan.sql"), "x", false));
    assertTrue(missing.getMessage().contains("does not exist; export writes into an existing folder"),
        missing.getMessage());
    assertTrue(Files.notExists(dir.resolve("no")), "no folder is created");
    IllegalArgumentException folder = assertThrows(IllegalArgumentException.class,
        () -> ExportFiles.write(dir, "x", true));
    assertTrue(folder.getMessage().contains("is a folder; give the file to write"), folder.getMessage());
  }
}
