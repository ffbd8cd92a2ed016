package io.synthgen.server.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SDK's schema check of tool arguments names each argument and rule it refused ({@code /rows: must have a
 * maximum value of 1000000000000}) but not the value; this adds the value as sent, so the refusal says what was
 * wrong the way {@link ToolCall}'s own strict reader does.
 */
public final class SchemaProblems {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** A JSON pointer opening one problem of the SDK's message, such as {@code /rows: } or {@code /tables/0/rows: }. */
  private static final Pattern POINTER = Pattern.compile("(?:^|\\[|, )(/[^:\\[\\],]*): ");

  private SchemaProblems() {
  }

  /** {@code message} followed by the value sent at each argument it names; unchanged when it names none. */
  public static String withValuesSent(String message, Object arguments) {
    if (message == null || arguments == null) {
      return message;
    }
    JsonNode args;
    try {
      args = JSON.valueToTree(arguments);
    } catch (IllegalArgumentException e) {
      return message;
    }
    Set<String> sent = new LinkedHashSet<>();
    Matcher m = POINTER.matcher(message);
    while (m.find()) {
      JsonNode v = args.at(m.group(1));
      if (!v.isMissingNode()) {
        String shown = v.toString();
        if (shown.length() > ToolCall.MAX_QUOTED_CHARS) {
          shown = shown.substring(0, ToolCall.MAX_QUOTED_CHARS) + "…";
        }
        sent.add(m.group(1) + " = " + shown);
      }
    }
    return sent.isEmpty() ? message : message + "; sent " + String.join(", ", sent)
        + "; call again with each argument as the tool's input schema states (type, minimum, maximum)";
  }
}
