package io.synthgen.server.mcp;

import io.synthgen.engine.Preview;
import io.synthgen.plan.Plan;
import io.synthgen.resolve.Resolver;
import io.synthgen.server.tool.Services;
import io.synthgen.template.Templates;
import io.synthgen.vocab.Vocabulary;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and exercises what the first calls need (the plan codec and resolver, a small sample, the schema
 * validator, the vocabulary) on a background thread once the server is listening, so a client's first propose_plan and
 * generate_sample are not slowed by class loading. Reads and computes only; writes nothing.
 */
final class Warmup {

  private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);

  private Warmup() {
  }

  static void start(Services services, LazySchemaValidator validator) {
    Thread t = new Thread(() -> {
      try {
        validator.warm(Map.of("type", "object", "properties", Map.of("a", Map.of("type", "integer"))),
            Map.of("a", 1));
        for (String name : Templates.names()) {
          Plan p = Templates.load(name);
          Preview.generate(Resolver.resolve(p), 20);
        }
        services.dictionaries();
        Vocabulary.standard();
      } catch (Exception | LinkageError e) {
        LOG.debug("warm-up stopped", e);
      }
    }, "synthgen-warmup");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

}
