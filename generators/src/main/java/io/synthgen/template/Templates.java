package io.synthgen.template;

import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.plan.json.PlanCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The industry templates shipped in the jar under {@code plan-templates/}. */
public final class Templates {

  /** Every industry a template may exist for, in display order. */
  public static final List<String> INDUSTRIES = List.of("retail", "healthcare", "financial", "iot", "manufacturing");

  private Templates() {
  }

  /** The templates present, by name. */
  public static List<String> names() {
    List<String> out = new ArrayList<>();
    for (String n : INDUSTRIES) {
      if (resource(n) != null) {
        out.add(n);
      }
    }
    return out;
  }

  /** The template's JSON text, or null when there is none. */
  public static String json(String name) {
    try (InputStream in = resource(name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + name, e);
    }
  }

  /** The template as a plan. */
  public static Plan load(String name) throws PlanException {
    String json = json(name);
    if (json == null) {
      throw new PlanException(List.of(new Violation("template", name, "no such template",
          "use one of: " + String.join(", ", names()))));
    }
    return PlanCodec.read(json);
  }

  private static InputStream resource(String name) {
    if (!name.matches("[a-z_]+")) {
      return null;
    }
    return Templates.class.getClassLoader().getResourceAsStream("plan-templates/" + name + ".json");
  }
}
