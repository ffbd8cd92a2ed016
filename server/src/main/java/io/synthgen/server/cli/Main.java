package io.synthgen.server.cli;

import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code synthgen} command line. */
@Command(name = "synthgen", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Deterministic, realistic synthetic multi-table data: plans, samples and full runs to Parquet, "
        + "CSV or JSONL.",
    subcommands = {TemplatesCommand.class, PlanCommand.class, SampleCommand.class, GenerateCommand.class,
        SnapshotCommand.class, StreamCommand.class, ValidateCommand.class, CompareCommand.class, PublishCommand.class, ExportCommand.class, DictionariesCommand.class, ServeCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (0 ok, 1 failure, 2 bad input, 3 validation failed). */
  public static int run(String... args) {
    CommandLine cl = null;
    if (args.length > 0) {
      // Only the invoked command's model is built (20-30 ms of a 0.2 s start measured): picocli is compiled for
      // Java 5, so its classes are verified at every start and the class-data archive cannot hold them.
      Class<?> command = subcommand(args[0]);
      if (command != null) {
        cl = new CommandLine(command).setCommandName("synthgen " + args[0]);
        args = Arrays.copyOfRange(args, 1, args.length);
      }
    }
    if (cl == null) {
      cl = new CommandLine(new Main());
      cl.getSubcommands().values().forEach(Main::standardOptions);
    } else {
      standardOptions(cl);
    }
    cl.setExecutionExceptionHandler(new Errors());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl.execute(args);
  }

  /** The command class named {@code name} among the subcommands, or null. */
  static Class<?> subcommand(String name) {
    for (Class<?> c : Main.class.getAnnotation(Command.class).subcommands()) {
      if (c.getAnnotation(Command.class).name().equals(name)) {
        return c;
      }
    }
    return null;
  }

  /** {@code --help} and {@code --version} on every command, as on {@code synthgen} itself. */
  private static void standardOptions(CommandLine command) {
    CommandLine.Model.CommandSpec s = command.getCommandSpec();
    if (!s.mixinStandardHelpOptions()) {
      s.mixinStandardHelpOptions(true);
      s.versionProvider(new Version());
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
