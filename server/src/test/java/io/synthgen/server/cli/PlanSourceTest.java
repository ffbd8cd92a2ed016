package io.synthgen.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.template.Templates;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which plan an argument names when template names and paths collide, and plan files that are not UTF-8. */
class PlanSourceTest {

  @TempDir
  Path work;

  private PlanSource source(String arg) {
    PlanSource s = new PlanSource();
    s.source = arg;
    s.workingDir = work;
    return s;
  }

  /** Loads with stderr captured; returns the plan and what was printed. */
  private record Loaded(Plan plan, String err) {
  }

  private static synchronized Loaded load(PlanSource s) throws Exception {
    PrintStream err = System.err;
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      Plan p = s.load();
      return new Loaded(p, e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(err);
    }
  }

  @Test
  void aTemplateNameIsTheTemplateEvenBesideAFolderOfThatName() throws Exception {
    Path folder = work.resolve("retail");
    Files.createDirectories(folder);
    Plan other = Templates.load("iot");
    Files.writeString(folder.resolve("plan.json"), PlanCodec.write(other));
    Loaded l = load(source("retail"));
    assertEquals(Templates.load("retail"), l.plan());
    assertTrue(l.err().contains("using the retail template") && l.err().contains("give ./retail/plan.json"),
        l.err());
    assertEquals(other, load(source("retail/plan.json")).plan(), "the plan file in it, by its path");
  }

  @Test
  void aFolderGivenAsAPathSaysWhatToGiveInstead() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
      Files.createDirectories(work.resolve("plans"));
      load(source("plans"));
    });
    assertTrue(e.getMessage().contains("is a folder, not a plan file") && e.getMessage().contains("plan.json")
        && e.getMessage().contains("retail"), e.getMessage());
  }

  @Test
  void aFileNamedLikeATemplateIsReadByItsPath() throws Exception {
    Files.writeString(work.resolve("retail"), PlanCodec.write(Templates.load("iot")));
    Loaded bare = load(source("retail"));
    assertEquals(Templates.load("retail"), bare.plan());
    assertTrue(bare.err().contains("give ./retail"), bare.err());
    assertEquals(Templates.load("iot"), load(source("./retail")).plan());
  }

  @Test
  void invalidUtf8IsAViolationWithItsOffset() throws Exception {
    byte[] text = PlanCodec.write(Templates.load("retail")).getBytes(StandardCharsets.UTF_8);
    text[37] = (byte) 0xFF;
    Files.write(work.resolve("bad.json"), text);
    PlanException e = assertThrows(PlanException.class, () -> load(source("bad.json")));
    assertEquals(1, e.violations().size());
    Violation v = e.violations().get(0);
    assertEquals("$", v.path());
    assertEquals("the file is not valid UTF-8 at byte 37", v.rule());
    assertEquals("byte 0xFF", v.value());
    assertTrue(v.fix().contains("UTF-8"), v.fix());
  }
}
