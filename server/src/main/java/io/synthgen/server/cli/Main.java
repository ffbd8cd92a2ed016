package io.synthgen.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code synthgen} command line. */
@Command(name = "synthgen", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Deterministic, realistic synthetic multi-table data: plans, samples and full runs to Parquet, "
        + "CSV or JSONL.",
    subcommands = {TemplatesCommand.class, PlanCommand.class, SampleCommand.class, GenerateCommand.class,
        ValidateCommand.class, PublishCommand.class, DictionariesCommand.class, ServeCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (0 ok, 1 failure, 2 bad input, 3 validation failed). */
  public static int run(String... args) {
    CommandLine cl;
    if (args.length > 0 && args[0].equals("serve")) {
      // an MCP client waits for the server: skip building the other commands' models (a fifth of start-up)
      cl = new CommandLine(new ServeCommand()).setCommandName("synthgen serve");
      args = java.util.Arrays.copyOfRange(args, 1, args.length);
    } else {
      cl = new CommandLine(new Main());
    }
    cl.setExecutionExceptionHandler(new Errors());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
