package io.synthgen.plan;

/**
 * The pointer that messages about an unknown name (dictionary, function, strategy, distribution, type) end with:
 * where the whole vocabulary is listed with a line and an example per entry. Kept here, beside {@link Violation},
 * so that every package that reports such a name can use it; the topics are those of {@code io.synthgen.vocab.Topic}
 * (a test keeps them in step).
 */
public final class VocabularyHint {

  /** The tool that describes the vocabulary. */
  public static final String TOOL = "describe_vocabulary";

  private VocabularyHint() {
  }

  /** {@code see describe_vocabulary {topic: "dictionaries"}}. */
  public static String see(String topic) {
    return "see " + TOOL + " {topic: \"" + topic + "\"}";
  }
}
