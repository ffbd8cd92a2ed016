package io.synthgen.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.dictionary.Dictionaries;
import io.synthgen.dictionary.Dictionary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/dictionaries.md lists exactly the dictionaries of {@link Dictionaries#standard()}, in order, with their kind
 * and description; and every dictionary name used in an example anywhere in the docs exists.
 */
class DictionariesDocTest {

  static final String BEGIN = "<!-- generated from Dictionaries.standard().all(): begin -->";
  static final String END = "<!-- generated from Dictionaries.standard().all(): end -->";

  /** The table as the doc must hold it between the markers. */
  static String table() {
    StringBuilder sb = new StringBuilder("| Name | Kind | Values |\n|---|---|---|\n");
    for (Dictionary d : Dictionaries.standard().all()) {
      sb.append("| `").append(d.name()).append("` | ").append(d.kind().name().toLowerCase(Locale.ROOT))
          .append(" | ").append(d.description().replace("|", "\\|")).append(" |\n");
    }
    return sb.toString();
  }

  @Test
  void tableMatchesTheCode() throws IOException {
    String doc = Files.readString(DocFiles.root().resolve("docs/dictionaries.md"));
    int b = doc.indexOf(BEGIN);
    int e = doc.indexOf(END);
    assertTrue(b >= 0 && e > b, "docs/dictionaries.md has the markers " + BEGIN + " and " + END);
    String documented = doc.substring(b + BEGIN.length(), e).strip() + "\n";
    assertEquals(table(), documented,
        "docs/dictionaries.md differs from the code; replace the table between the markers with the expected text");
  }

  @Test
  void everyDictionaryNamedInTheDocsExists() throws IOException {
    Set<String> known = new TreeSet<>(Dictionaries.standard().names());
    // "dictionary": "name" in a plan column, dict('name') in an expression
    Pattern use = Pattern.compile("\"dictionary\"\\s*:\\s*\"([^\"]*)\"|dict\\('([^']*)'\\)");
    List<String> unknown = new ArrayList<>();
    for (Path f : DocFiles.markdown()) {
      Matcher m = use.matcher(Files.readString(f));
      while (m.find()) {
        String name = m.group(1) != null ? m.group(1) : m.group(2);
        if (name.equals("name")) {
          continue; // the signature dict('name') in the function table
        }
        Dictionary d = Dictionaries.standard().get(name);
        if (d == null) {
          unknown.add(DocFiles.root().relativize(f) + ": " + name);
        } else if (m.group(2) != null && d.kind() == Dictionary.Kind.COMPOSITE) {
          unknown.add(DocFiles.root().relativize(f) + ": dict('" + name + "') names a composite, which dict() cannot use");
        }
      }
    }
    assertEquals(List.of(), unknown, "dictionary names in the docs that do not exist or do not fit; known: " + known);
  }
}
