package io.synthgen;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of STYLE.md over the production classes of both modules (this module's classpath holds the
 * generators' too): which package may use parquet-java, the Databricks SDK and the MCP SDK, generators never
 * using the server, the layers of the tools (framework, plan/run/publish tools, views), and no cycles between
 * packages.
 */
class PackageRulesTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(PackageRulesTest::notATestJar)
        .importPackages("io.synthgen");
    // the rules below would hold vacuously over nothing: both modules must be here
    assertTrue(classes.contain("io.synthgen.plan.Plan"), "generators' classes are imported");
    assertTrue(classes.contain("io.synthgen.server.cli.Main"), "server's classes are imported");
    assertTrue(classes.stream().noneMatch(c -> c.getSimpleName().endsWith("Test")), "no test classes");
  }

  /** In {@code verify} the generators' test classes come as a jar, which the predefined option does not skip. */
  private static boolean notATestJar(Location location) {
    return !location.contains("-tests.jar");
  }

  @Test
  void onlyTheParquetPackageUsesParquetJava() {
    noClasses().that().resideOutsideOfPackage("io.synthgen.output.parquet..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.parquet..", "org.apache.hadoop..")
        .because("parquet-java (and the Hadoop types in its API) stays behind io.synthgen.output.parquet")
        .check(classes);
  }

  @Test
  void onlyTheDatabricksPackageUsesTheDatabricksSdk() {
    noClasses().that().resideOutsideOfPackage("io.synthgen.server.catalog.databricks..")
        .should().dependOnClassesThat().resideInAnyPackage("com.databricks.sdk..")
        .because("the Databricks SDK stays behind the catalog's Workspace interface")
        .check(classes);
  }

  @Test
  void onlyTheCommandLineChoosesTheDatabricksWorkspace() {
    // the tools and jobs get a WorkspaceFactory, so that tests and other catalogs can stand in for Databricks
    noClasses().that().resideOutsideOfPackages("io.synthgen.server.catalog.databricks..", "io.synthgen.server.cli..")
        .should().dependOnClassesThat().resideInAPackage("io.synthgen.server.catalog.databricks..")
        .because("only the command line, which assembles the server, names the Databricks implementation")
        .check(classes);
  }

  @Test
  void onlyTheToolsAndTheTransportWiringUseTheMcpSdk() {
    noClasses().that().resideOutsideOfPackages("io.synthgen.server.mcp..", "io.synthgen.server.tool..")
        .and().doNotHaveFullyQualifiedName("io.synthgen.server.cli.ServeCommand")
        .should().dependOnClassesThat().resideInAnyPackage("io.modelcontextprotocol..")
        .because("the MCP SDK is the transport; the engine, plans, jobs and the catalog know nothing of it")
        .check(classes);
  }

  @Test
  void viewsUseNoToolPackage() {
    // what the command line shows too: it must not drag the tools (their calls, results, services) along
    noClasses().that().resideInAPackage("io.synthgen.server.view..")
        .should().dependOnClassesThat().resideInAPackage("io.synthgen.server.tool..")
        .because("views format plans, jobs and publishes for the tools and the command line alike")
        .check(classes);
  }

  @Test
  void theToolFrameworkNamesNoTool() {
    noClasses().that().resideInAPackage("io.synthgen.server.tool")
        .should().dependOnClassesThat().haveNameMatching("io\\.synthgen\\.server\\.tool\\.[a-z]+\\..*")
        .because("the tools depend on the framework; the MCP wiring (StandardTools) assembles them")
        .check(classes);
  }

  @Test
  void theToolGroupsMeetOnlyThroughTheFrameworkAndTheViews() {
    String[] groups = {"plan", "run", "publish"};
    assertTrue(classes.contain("io.synthgen.server.tool.plan.PlanTools") && classes.contain(
        "io.synthgen.server.tool.run.RunTools") && classes.contain("io.synthgen.server.tool.publish.PublishTools"),
        "the three tool groups are imported");
    for (String g : groups) {
      for (String other : groups) {
        if (!g.equals(other)) {
          noClasses().that().resideInAPackage("io.synthgen.server.tool." + g + "..")
              .should().dependOnClassesThat().resideInAPackage("io.synthgen.server.tool." + other + "..")
              .because("what plan, run and publish tools share lives in io.synthgen.server.tool or "
                  + "io.synthgen.server.view")
              .check(classes);
        }
      }
    }
  }

  @Test
  void theGeneratorsNeverUseTheServer() {
    noClasses().that().resideInAPackage("io.synthgen..").and().resideOutsideOfPackage("io.synthgen.server..")
        .should().dependOnClassesThat().resideInAPackage("io.synthgen.server..")
        .because("server depends on generators, never the reverse")
        .check(classes);
  }

  @Test
  void noPackageCycles() {
    // every package is its own slice: a cycle between any two packages, of either module, fails
    slices().matching("io.synthgen.(**)").should().beFreeOfCycles().check(classes);
  }
}
