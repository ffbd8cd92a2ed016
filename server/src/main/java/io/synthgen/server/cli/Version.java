package io.synthgen.server.cli;

import picocli.CommandLine;

/** The version printed by {@code synthgen --version}. */
final class Version implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {"synthgen " + (v == null ? "development build" : v)};
  }
}
