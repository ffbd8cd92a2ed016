package io.synthgen.server.tool.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.validate.Suggest;
import io.synthgen.server.tool.ServiceTool;
import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.ToolCall;
import io.synthgen.server.tool.ToolError;
import io.synthgen.server.tool.ToolResult;
import io.synthgen.vocab.Topic;
import io.synthgen.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * describe_vocabulary: the catalog of {@link Vocabulary}, by topic and entry, so that an assistant learns the names
 * a plan can use before it writes one. Read-only; needs no plan and no state.
 */
final class DescribeVocabularyTool extends ServiceTool {

  DescribeVocabularyTool(Services services) {
    super("describe_vocabulary", services);
  }

  @Override
  public ToolResult call(ToolCall call) throws ToolError {
    Vocabulary v = Vocabulary.standard();
    String topicId = call.string("topic");
    String name = call.string("name");
    if (topicId == null && name == null) {
      ObjectNode out = v.overview();
      String next = "call describe_vocabulary with a topic for its entries and examples, and with a name for one "
          + "entry in detail";
      out.put("next_step", next);
      return ToolResult.ok(out, v.overviewText() + "\nNext: " + next);
    }
    if (topicId == null) {
      throw new ToolError("invalid_argument", "name '" + name + "' needs a topic; " + topicsHaving(v, name),
          "call describe_vocabulary again with topic and name");
    }
    Topic t = Topic.of(topicId);
    if (t == null) {
      throw new ToolError("invalid_argument", "unknown topic '" + topicId + "'; "
          + Suggest.didYouMean(topicId, Topic.ids()) + "topics are: " + String.join(", ", Topic.ids()),
          "call describe_vocabulary again with one of those topics");
    }
    if (name == null) {
      ObjectNode out = v.topic(t);
      String next = "put an example column into the example plan table its entry names (propose_plan tables, or "
          + "revise_plan add_column); call again with name for one entry in detail";
      out.put("next_step", next);
      return ToolResult.ok(out, v.text(t) + "\nNext: " + next);
    }
    ObjectNode out = v.entry(t, name);
    if (out == null) {
      throw new ToolError("invalid_argument", "there is no " + name + " in " + t.id() + "; " + v.unknown(t, name),
          "call describe_vocabulary again with one of those names, or without name for the whole topic");
    }
    String next = "use the example in the table it names: propose_plan tables, or revise_plan add_column / "
        + "update_column";
    out.put("next_step", next);
    return ToolResult.ok(out, v.text(t, name) + "\nNext: " + next);
  }

  /** Which topics hold an entry of that name, to say which topic the caller meant. */
  private static String topicsHaving(Vocabulary v, String name) {
    List<String> in = new ArrayList<>();
    for (Topic t : Topic.values()) {
      if (v.entry(t, name) != null) {
        in.add(t.id());
      }
    }
    return in.isEmpty() ? "no topic has it; topics are: " + String.join(", ", Topic.ids())
        : "it is in " + String.join(", ", in);
  }
}
