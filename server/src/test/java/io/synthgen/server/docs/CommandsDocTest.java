package io.synthgen.server.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.docs.DocFiles;
import io.synthgen.server.cli.Main;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * docs/commands.md has a section per command of the picocli model ({@code ## synthgen NAME}, the root's options
 * under {@code ## Global options}), and each section's option table names exactly that command's options,
 * hidden ones included, and its positional parameters.
 */
class CommandsDocTest {

  private static final Pattern OPTION_NAME = Pattern.compile("(?<![\\w-])(--?[A-Za-z][\\w-]*)");
  private static final String GLOBAL = "Global options";

  private static Map<String, String> sections;
  private static CommandLine cli;

  @BeforeAll
  static void load() {
    String doc = DocFiles.read("docs/commands.md");
    sections = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?m)^## (.+)$").matcher(doc);
    String title = null;
    int start = 0;
    while (m.find()) {
      if (title != null) {
        sections.put(title, doc.substring(start, m.start()));
      }
      title = m.group(1).strip();
      start = m.end();
    }
    if (title != null) {
      sections.put(title, doc.substring(start));
    }
    cli = new CommandLine(new Main());
  }

  @Test
  void everyCommandHasASectionAndEverySectionACommand() {
    Set<String> documented = new TreeSet<>();
    for (String title : sections.keySet()) {
      if (title.startsWith("synthgen ")) {
        documented.add(title.substring("synthgen ".length()));
      }
    }
    assertEquals(new TreeSet<>(cli.getSubcommands().keySet()), documented,
        "'## synthgen NAME' sections of docs/commands.md against the command line's subcommands");
  }

  @Test
  void everySectionsOptionTableListsExactlyTheCommandsOptions() {
    List<String> problems = new ArrayList<>();
    check(GLOBAL, cli.getCommandSpec(), problems);
    cli.getSubcommands().forEach((name, sub) -> check("synthgen " + name, sub.getCommandSpec(), problems));
    assertEquals(List.of(), problems);
  }

  private static void check(String title, CommandSpec spec, List<String> problems) {
    String section = sections.get(title);
    if (section == null) {
      problems.add("no section '## " + title + "'");
      return;
    }
    Set<String> expected = new TreeSet<>();
    for (OptionSpec o : spec.options()) {
      expected.addAll(List.of(o.names()));
    }
    Set<String> documented = new TreeSet<>();
    for (String line : section.split("\n")) {
      if (line.startsWith("| `-")) {
        String firstCell = line.substring(1, line.indexOf('|', 1));
        Matcher m = OPTION_NAME.matcher(firstCell);
        while (m.find()) {
          documented.add(m.group(1));
        }
      }
    }
    if (!expected.equals(documented)) {
      problems.add(title + ": the option table names " + documented + " but the command has " + expected);
    }
    for (PositionalParamSpec p : spec.positionalParameters()) {
      String label = p.paramLabel().replace("|", "\\|");
      if (!section.contains("| `" + label + "` |")) {
        problems.add(title + ": no table row for the parameter " + p.paramLabel());
      }
    }
  }

  @Test
  void theCommandTableLinksEveryCommand() {
    String doc = DocFiles.read("docs/commands.md");
    for (String name : cli.getSubcommands().keySet()) {
      assertTrue(doc.contains("[`synthgen " + name + "`](#synthgen-" + name + ")"),
          "the command table at the top of docs/commands.md links " + name);
    }
  }
}
