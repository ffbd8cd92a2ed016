package io.synthgen.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import io.synthgen.docs.DocFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input the fuzzer ever failed on, minimized by hand, replayed through the same oracle. The files are plain
 * plan documents ({@code fuzz/corpus/*.json}); {@code fuzz/corpus/README.md} lists each with what it broke.
 */
class CorpusReplayTest {

  private static final String DIR = "fuzz/corpus/";
  private static final Pattern ENTRY = Pattern.compile("^\\| `([a-z0-9-]+\\.json)` \\|", Pattern.MULTILINE);

  static String resource(String name) {
    try (InputStream in = CorpusReplayTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The corpus files, as the index names them. */
  static Stream<String> corpus() {
    List<String> names = new ArrayList<>();
    Matcher m = ENTRY.matcher(resource(DIR + "README.md"));
    while (m.find()) {
      names.add(m.group(1));
    }
    return names.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void replays(String file) {
    PlanOracle.check(resource(DIR + file), "corpus file " + file);
  }

  @Test
  void theIndexListsEveryFileOnce() throws Exception {
    List<String> listed = corpus().toList();
    Set<String> present = new TreeSet<>();
    try (Stream<Path> s = Files.list(DocFiles.root().resolve("generators/src/test/resources").resolve(DIR))) {
      s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).forEach(present::add);
    }
    assertEquals(present, new TreeSet<>(listed), "README.md lists exactly the corpus files");
    assertEquals(listed.size(), new TreeSet<>(listed).size(), "no file listed twice");
    assertTrue(listed.size() >= 10, "the corpus holds the inputs found so far");
  }
}
