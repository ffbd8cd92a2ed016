package io.synthgen.vocab;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.dictionary.Dictionaries;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.plan.VocabularyHint;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.Resolver;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Messages about an unknown name point at the topic that lists the names, keep their suggestions, and every topic
 * they point at exists.
 */
class VocabularyHintTest {

  private static final Pattern SEE = Pattern.compile("see describe_vocabulary \\{topic: \"([a-z_]+)\"\\}");

  private static String plan(String column) {
    return """
        {"format": "synthgen.plan/v1", "name": "t", "reference_date": "2025-01-01", "tables": [
          {"name": "t", "rows": 10, "columns": [%s]}]}
        """.formatted(column);
  }

  private static List<Violation> read(String column, boolean dictionaries) {
    try {
      PlanCodec.read(plan(column), dictionaries ? Set.copyOf(Dictionaries.standard().names()) : null);
    } catch (PlanException e) {
      return e.violations();
    }
    return List.of();
  }

  private static String topicOf(String message) {
    Matcher m = SEE.matcher(message);
    assertTrue(m.find(), "no pointer to describe_vocabulary in: " + message);
    assertNotNull(Topic.of(m.group(1)), "no topic " + m.group(1));
    return m.group(1);
  }

  @Test
  void unknownNamesInAPlanPointAtTheirTopicAndKeepTheirSuggestions() {
    Violation strategy = read("{\"name\": \"a\", \"type\": \"bigint\", \"strategy\": \"sequense\"}", false).get(0);
    assertTrue(strategy.fix().startsWith("did you mean 'sequence'? strategies are: sequence,"), strategy.fix());
    assertTrue(topicOf(strategy.fix()).equals("strategies"));

    Violation dictionary = read("{\"name\": \"a\", \"type\": \"string\", \"strategy\": \"dictionary\", "
        + "\"dictionary\": \"first_names\"}", true).get(0);
    assertTrue(dictionary.fix().startsWith("did you mean 'first_name'?"), dictionary.fix());
    assertTrue(topicOf(dictionary.fix()).equals("dictionaries"));

    Violation distribution = read("{\"name\": \"a\", \"type\": \"double\", \"strategy\": \"distribution\", "
        + "\"distribution\": {\"type\": \"gama\", \"shape\": 2, \"scale\": 1}}", false).get(0);
    assertTrue(distribution.fix().startsWith("did you mean 'gamma'?"), distribution.fix());
    assertTrue(topicOf(distribution.fix()).equals("distributions"));

    Violation type = read("{\"name\": \"a\", \"type\": \"integr\", \"strategy\": \"sequence\"}", false).get(0);
    assertTrue(topicOf(type.fix()).equals("types"), type.fix());
  }

  @Test
  void unknownFunctionsAndDictionariesInExpressionsPointAtTheirTopic() throws PlanException {
    String fn = message("{\"name\": \"a\", \"type\": \"double\", \"strategy\": \"expression\", \"expr\": \"rnd()\"}");
    assertTrue(fn.contains("did you mean 'rand'?"), fn);
    assertTrue(topicOf(fn).equals("functions"));
    String dict = message("{\"name\": \"a\", \"type\": \"string\", \"strategy\": \"expression\", "
        + "\"expr\": \"dict('cites')\"}");
    assertTrue(dict.contains("did you mean 'city"), dict);
    assertTrue(topicOf(dict).equals("dictionaries"));
  }

  @Test
  void theResolversUnknownDictionaryPointsAtTheTopic() throws PlanException {
    // read without the dictionary names, so that the resolver is the one to find it
    String m = message("{\"name\": \"a\", \"type\": \"string\", \"strategy\": \"dictionary\", "
        + "\"dictionary\": \"first_names\"}");
    assertTrue(topicOf(m).equals("dictionaries"), m);
    assertTrue(VocabularyHint.see("types").equals("see describe_vocabulary {topic: \"types\"}"));
  }

  private static String message(String column) throws PlanException {
    try {
      Resolver.resolve(PlanCodec.read(plan(column)));
    } catch (PlanException e) {
      return e.getMessage();
    }
    throw new AssertionError("accepted: " + column);
  }
}
