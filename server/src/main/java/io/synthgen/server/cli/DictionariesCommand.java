package io.synthgen.server.cli;

import io.synthgen.dictionary.Dictionaries;
import io.synthgen.dictionary.Dictionary;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code synthgen dictionaries}: the names the dictionary strategy accepts. */
@Command(name = "dictionaries", description = "List the dictionaries the 'dictionary' strategy can draw from.")
final class DictionariesCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    for (Dictionary d : Dictionaries.standard().all()) {
      System.out.printf("%-20s %-9s %s%n", d.name(), d.kind().name().toLowerCase(Locale.ROOT), d.description());
    }
    return 0;
  }
}
