package io.synthgen.fuzz;

import io.synthgen.docs.DocFiles;
import io.synthgen.template.Templates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The documents the mutation fuzzer starts from: the shipped templates and the benchmark plans, as JSON text. */
public final class FuzzSeeds {

  /** A named plan document. */
  public record Seed(String name, String json) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static List<Seed> all;

  private FuzzSeeds() {
  }

  /** The five templates, then {@code bench/plans/*.json} in name order. */
  public static synchronized List<Seed> all() {
    if (all == null) {
      List<Seed> out = new ArrayList<>();
      for (String t : Templates.names()) {
        out.add(new Seed(t, Templates.json(t)));
      }
      Path bench = DocFiles.root().resolve("bench").resolve("plans");
      try (Stream<Path> s = Files.list(bench)) {
        for (Path p : s.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
          out.add(new Seed("bench/" + p.getFileName(), Files.readString(p, StandardCharsets.UTF_8)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list the benchmark plans in " + bench, e);
      }
      if (out.size() < 6) {
        throw new IllegalStateException("expected the templates and the benchmark plans, found " + out);
      }
      all = List.copyOf(out);
    }
    return all;
  }
}
