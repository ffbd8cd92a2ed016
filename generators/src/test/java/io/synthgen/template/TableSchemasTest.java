package io.synthgen.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Preview;
import io.synthgen.output.TableWriter;
import io.synthgen.output.formats.TableWriters;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Destination;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.vec.Batch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-table schemas under schemas/tables/ are exactly what {@link TableSchemas} derives from the templates, and
 * generated rows (a JSONL sample of every table) validate against them. Set -Dsynthgen.writeSchemas=true to
 * rewrite the files after changing a template.
 */
class TableSchemasTest {

  private static final Path DIR = Path.of(System.getProperty("synthgen.root", "..")).resolve("schemas/tables");

  @Test
  void schemaFilesMatchTheTemplates() throws Exception {
    boolean write = Boolean.getBoolean("synthgen.writeSchemas");
    TreeSet<String> expected = new TreeSet<>();
    for (String name : Templates.names()) {
      Plan plan = Templates.load(name);
      for (Table t : plan.tables()) {
        String file = TableSchemas.fileName(plan, t);
        expected.add(file);
        String json = TableSchemas.json(plan, t);
        Path p = DIR.resolve(file);
        if (write) {
          Files.createDirectories(DIR);
          Files.writeString(p, json);
        }
        assertTrue(Files.exists(p), file + " is missing; run the test with -Dsynthgen.writeSchemas=true");
        assertEquals(json, Files.readString(p),
            file + " differs from the template; run the test with -Dsynthgen.writeSchemas=true to rewrite it");
      }
    }
    TreeSet<String> present = new TreeSet<>();
    try (Stream<Path> s = Files.list(DIR)) {
      s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".schema.json")).forEach(present::add);
    }
    assertEquals(expected, present, "schemas/tables/ holds a file for every template table and nothing else");
  }

  @Test
  void generatedRowsValidate(@TempDir Path dir) throws Exception {
    ObjectMapper json = new ObjectMapper();
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    List<String> problems = new ArrayList<>();
    for (String name : Templates.names()) {
      Plan plan = Templates.load(name);
      ResolvedPlan resolved = Resolver.resolve(Scaling.scale(plan, 2000));
      Map<String, Batch> sample = Preview.generate(resolved, 300);
      Path out = dir.resolve(name);
      for (Table t : plan.tables()) {
        try (TableWriter w = TableWriters.open(out, t.name(), Engine.outputColumns(resolved.table(t.name())),
            new WriterOptions(Destination.Format.JSONL, Destination.Compression.NONE, 0))) {
          w.append(w.encode(sample.get(t.name())));
          w.commit();
        }
        Schema schema = registry.getSchema(TableSchemas.json(plan, t));
        List<String> lines = Files.readAllLines(out.resolve(t.name() + ".jsonl"));
        assertTrue(lines.size() > 0, name + "." + t.name() + " sample is empty");
        for (String line : lines) {
          JsonNode row = json.readTree(line);
          List<Error> errors = schema.validate(row);
          for (Error e : errors) {
            problems.add(name + "." + t.name() + ": " + e + " in " + line);
          }
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems.subList(0, Math.min(10, problems.size()))));
  }
}
