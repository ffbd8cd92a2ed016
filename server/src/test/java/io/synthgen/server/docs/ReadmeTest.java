package io.synthgen.server.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.docs.DocFiles;
import io.synthgen.server.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The README's two commands are the ones that work (.ci/run runs exactly the test command), every synthgen
 * command the docs show exists, and every relative link and anchor in README.md and docs/*.md resolves.
 */
class ReadmeTest {

  /** Docs linked before they exist, because they are written elsewhere; a missing one is not an error yet. */
  private static final Set<String> PENDING = Set.of();

  private static final String RUN = "bin/synthgen generate retail --rows 10000";

  @Test
  void readmeGivesTheRunAndTestCommandsAndCiRunsTheTestCommand() throws IOException {
    String readme = DocFiles.read("README.md");
    Path ci = DocFiles.root().resolve(".ci/run");
    List<String> commands = new ArrayList<>();
    for (String line : Files.readAllLines(ci)) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#") && !l.startsWith("set ") && !l.startsWith("cd ")) {
        commands.add(l);
      }
    }
    assertEquals(1, commands.size(), ".ci/run runs one command besides set and cd: " + commands);
    String test = commands.get(0);
    Matcher block = Pattern.compile("(?s)```\\n(.*?)```").matcher(readme);
    assertTrue(block.find(), "the README opens with a code block holding the two commands");
    List<String> two = new ArrayList<>();
    for (String line : block.group(1).split("\n")) {
      two.add(line.replaceAll("\\s+#.*$", "").strip());
    }
    assertEquals(List.of(RUN, test), two, "the README's first code block: the run command, then .ci/run's command");
    assertTrue(Files.isExecutable(ci), ".ci/run is executable");
    assertTrue(Files.isExecutable(DocFiles.root().resolve("bin/synthgen")), "bin/synthgen is executable");
  }

  @Test
  void everyCommandTheDocsShowExists() throws IOException {
    Set<String> commands = new CommandLine(new Main()).getSubcommands().keySet();
    // in code blocks: a line running synthgen; in text: inline code starting with synthgen
    Pattern inBlock = Pattern.compile("^(?:\\$ )?(?:bin/)?synthgen ([a-z][a-z-]*)");
    Pattern inText = Pattern.compile("`(?:bin/)?synthgen ([a-z][a-z-]*)");
    List<String> unknown = new ArrayList<>();
    for (Path f : DocFiles.markdown()) {
      boolean fenced = false;
      for (String line : Files.readAllLines(f)) {
        if (line.startsWith("```")) {
          fenced = !fenced;
          continue;
        }
        Matcher m = (fenced ? inBlock : inText).matcher(line);
        while (m.find()) {
          if (!commands.contains(m.group(1))) {
            unknown.add(DocFiles.root().relativize(f) + ": synthgen " + m.group(1));
          }
        }
      }
    }
    assertEquals(List.of(), unknown, "commands shown in the docs that the command line does not have: " + commands);
  }

  @Test
  void everyRelativeLinkResolves() throws IOException {
    Pattern link = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    List<String> broken = new ArrayList<>();
    for (Path f : DocFiles.markdown()) {
      String text = Files.readString(f);
      Matcher m = link.matcher(text);
      while (m.find()) {
        String target = m.group(1);
        if (target.matches("^[a-z]+:.*")) {
          continue; // http:, https:, mailto:
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? f : f.getParent().resolve(file).normalize();
        String rel = DocFiles.root().relativize(resolved).toString().replace('\\', '/');
        if (!Files.exists(resolved)) {
          if (!PENDING.contains(rel)) {
            broken.add(DocFiles.root().relativize(f) + ": " + target);
          }
          continue;
        }
        if (anchor != null && resolved.toString().endsWith(".md") && !anchors(Files.readString(resolved)).contains(anchor)) {
          broken.add(DocFiles.root().relativize(f) + ": " + target + " (no such heading)");
        }
      }
    }
    assertEquals(List.of(), broken, "links in README.md and docs/*.md that lead nowhere");
  }

  /** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens. */
  private static Set<String> anchors(String markdown) {
    Set<String> out = new HashSet<>();
    boolean fenced = false;
    for (String line : markdown.split("\n")) {
      if (line.startsWith("```")) {
        fenced = !fenced;
      }
      if (!fenced && line.startsWith("#")) {
        String title = line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT);
        out.add(title.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
      }
    }
    return out;
  }
}
