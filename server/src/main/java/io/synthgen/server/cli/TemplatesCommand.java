package io.synthgen.server.cli;

import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import io.synthgen.template.Templates;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code synthgen templates}: the industry templates with their tables and default sizes. */
@Command(name = "templates", description = "List the industry templates, their tables and default row counts.")
final class TemplatesCommand implements Callable<Integer> {

  @Override
  public Integer call() throws Exception {
    for (String name : Templates.names()) {
      Plan p = Templates.load(name);
      System.out.println(name + " - " + p.description());
      for (Table t : p.tables()) {
        System.out.printf(java.util.Locale.ROOT, "  %-22s %,12d rows%s%n", t.name(), t.rows(),
            t.perParent() != null ? "  (about; per " + t.perParent().table() + " row)" : "");
      }
    }
    return 0;
  }
}
