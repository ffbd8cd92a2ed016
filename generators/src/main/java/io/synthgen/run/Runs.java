package io.synthgen.run;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.engine.TableRun;
import io.synthgen.output.FileEntry;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Plan;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.validate.ValidationReport;
import io.synthgen.validate.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A full run: generates every table into a hidden staging folder inside the output folder, validates while
 * generating, then moves the files to their final names and writes {@code plan.json} and {@code manifest.json}.
 * Until the move nothing in the output folder changes; a failed or cancelled run removes its staging folder.
 */
public final class Runs {

  private Runs() {
  }

  public static RunResult generate(ResolvedPlan plan, Path outDir, WriterOptions options, Engine engine,
      Progress progress, Cancellation cancel) throws IOException {
    long start = System.nanoTime();
    try {
      Files.createDirectories(outDir);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("cannot write to " + outDir + ": " + e.getFile()
          + " is a file, not a folder; choose another output folder", e);
    }
    Path staging = outDir.resolve(".synthgen-staging-" + UUID.randomUUID());
    Validator validator = new Validator(plan);
    try {
      List<TableRun> runs = engine.run(plan, staging, options, progress, cancel, validator::observer);
      ValidationReport report = validator.finish();
      for (TableRun r : runs) {
        for (String top : topLevel(r.files())) {
          Path target = outDir.resolve(top);
          deleteRecursively(target);
          Files.move(staging.resolve(top), target, StandardCopyOption.ATOMIC_MOVE);
        }
      }
      Plan exact = plan.withExactRows();
      String planJson = PlanCodec.write(exact);
      String hash = sha256(planJson);
      Manifest.writeAtomically(outDir.resolve(Manifest.PLAN_FILE), planJson);
      double seconds = (System.nanoTime() - start) / 1e9;
      Manifest.writeAtomically(outDir.resolve(Manifest.FILE), Manifest.toJson(Manifest.build(exact, hash, runs,
          report, options.format().name().toLowerCase(Locale.ROOT),
          options.compression().name().toLowerCase(Locale.ROOT), seconds)));
      return new RunResult(outDir, runs, report, outDir.resolve(Manifest.FILE), hash, seconds);
    } finally {
      deleteRecursively(staging);
    }
  }

  /** The SHA-256 of a plan's canonical JSON: the plan hash manifests and tables carry. */
  public static String planHash(Plan plan) {
    return sha256(PlanCodec.write(plan));
  }

  private static List<String> topLevel(List<FileEntry> files) {
    List<String> tops = new ArrayList<>();
    for (FileEntry f : files) {
      String top = f.path().contains("/") ? f.path().substring(0, f.path().indexOf('/')) : f.path();
      if (!tops.contains(top)) {
        tops.add(top);
      }
    }
    return tops;
  }

  static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    Files.walkFileTree(p, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
