package io.synthgen.run;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.engine.TableRun;
import io.synthgen.engine.TableSource;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Plan;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.quality.QualitySources;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.series.BatchRefused;
import io.synthgen.series.Batches;
import io.synthgen.series.Window;
import io.synthgen.validate.ValidationReport;
import io.synthgen.validate.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A full run, or batch k of a plan's series, or the state after batch K: generates every table into a hidden sibling of the output folder, validates while generating, writes
 * {@code plan.json} and, last, {@code manifest.json} there, syncs it to disk, and swaps it into place by renaming
 * folders ({@link RunFolder}, protocol in docs/output.md). Whatever moment the process dies, the output folder holds
 * the previous run or the new one, complete; the next run into the same output root (or {@link #recover}) repairs
 * what a killed run left. Runs into one folder exclude each other through a lock file beside it.
 *
 * <p>Commit steps, numbered for fault injection ({@code -Dsynthgen.test.haltAt=commit:N}): 1 tables written,
 * 2 plan.json written, 3 manifest written and synced, 4 previous folder moved aside, 5 new folder in place,
 * 6 previous manifest deleted, 7 previous folder deleted.
 */
public final class Runs {

  private static final Logger LOG = LoggerFactory.getLogger(Runs.class);
  private static final SecureRandom IDS = new SecureRandom();

  private Runs() {
  }

  /** A run of the plan: batch 0 when it has a series, else every table as one snapshot. */
  public static RunResult generate(ResolvedPlan plan, Path outDir, WriterOptions options, Engine engine,
      Progress progress, Cancellation cancel) throws IOException {
    return generate(plan, null, outDir, options, engine, progress, cancel);
  }

  /**
   * Batch {@code batch} of the plan's series ({@code synthgen generate --batch K}): what {@link Batches#batch}
   * lists, validated while written, with a manifest recording the batch, the series and per table its role and
   * window. A null batch runs batch 0 of a plan with a series, or the plan as one snapshot without one.
   *
   * @throws BatchRefused for a batch on a plan without a series or outside 0 .. series.batches - 1 (the message
   *     says the fix); nothing is written
   */
  public static RunResult generate(ResolvedPlan plan, Long batch, Path outDir, WriterOptions options, Engine engine,
      Progress progress, Cancellation cancel) throws IOException {
    Long k = Batches.toRun(plan, batch);
    if (k == null) {
      return write(plan, TableSource.all(plan), null, null, outDir, options, engine, progress, cancel);
    }
    return write(plan, Batches.batch(plan, k), k, null, outDir, options, engine, progress, cancel);
  }

  /**
   * The state after batches 0..{@code after} ({@code synthgen snapshot --after K}): every change-feed table under
   * its own name and every history table ({@link Batches#snapshot}), with a manifest recording
   * {@code snapshot_after}.
   *
   * @throws BatchRefused for a plan without a series or a batch outside it
   */
  public static RunResult snapshot(ResolvedPlan plan, long after, Path outDir, WriterOptions options, Engine engine,
      Progress progress, Cancellation cancel) throws IOException {
    if (plan.series() == null) {
      throw new BatchRefused("plan " + plan.plan().name() + " has no series, so it has no state after batch "
          + after + "; add a \"series\" block and a change_feed to a table, or generate the plan instead");
    }
    Batches.toRun(plan, after);
    return write(plan, Batches.snapshot(plan, after), null, after, outDir, options, engine, progress, cancel);
  }

  private static RunResult write(ResolvedPlan plan, List<TableSource> sources, Long batch, Long snapshotAfter,
      Path outDir, WriterOptions options, Engine engine, Progress progress, Cancellation cancel) throws IOException {
    long start = System.nanoTime();
    RunFolder folder = RunFolder.of(outDir);
    try {
      Files.createDirectories(folder.parent);
    } catch (FileAlreadyExistsException e) {
      throw new OutputFolderException(OutputFolderException.Kind.NOT_REPLACEABLE, "cannot write to " + outDir + ": "
          + e.getFile() + " is a file, not a folder; choose another output folder");
    }
    folder.checkReplaceable();
    FolderLock lock = lock(folder, outDir);
    try {
      folder.recover().ifPresent(m -> LOG.info("{}", m));
      RunFolder.sweep(folder.parent, folder.name).forEach(m -> LOG.info("{}", m));
      String id = newId();
      Path staging = folder.newDir(id);
      Validator validator = validator(plan, sources, batch, snapshotAfter);
      try {
        // a snapshot is the clean state (the oracle), so defects go only into what a batch or a plain run writes;
        // feeds, states, histories and ground truth have no plan table to check against (table() is null)
        List<TableSource> written = snapshotAfter == null
            ? QualitySources.applyAll(plan, sources, validator, batch) : sources;
        List<TableRun> runs = engine.run(written, staging, options, progress, cancel,
            QualitySources.observers(validator));
        ValidationReport report = validator.finish();
        Faults.point("commit", 1);
        Plan exact = plan.withExactRows();
        String planJson = PlanCodec.write(exact);
        String hash = sha256(planJson);
        Manifest.writeAtomically(staging.resolve(Manifest.PLAN_FILE), planJson);
        Faults.point("commit", 2);
        double seconds = (System.nanoTime() - start) / 1e9;
        Manifest.writeAtomically(staging.resolve(Manifest.FILE), Manifest.toJson(Manifest.build(exact, hash, runs,
            report, options.format().name().toLowerCase(Locale.ROOT),
            options.compression().name().toLowerCase(Locale.ROOT), seconds,
            seriesRun(plan, written, batch, snapshotAfter))));
        RunFolder.syncTree(staging);
        Faults.point("commit", 3);
        folder.commit(staging, id);
        return new RunResult(outDir, runs, report, outDir.resolve(Manifest.FILE), hash, seconds, batch,
            snapshotAfter);
      } catch (IOException | RuntimeException | Error e) {
        // a failed or cancelled run leaves no sibling; a commit that failed half-way is finished or undone
        try {
          folder.recover();
        } catch (IOException | RuntimeException cleanup) {
          e.addSuppressed(cleanup);
        }
        throw e;
      }
    } finally {
      lock.close();
    }
  }

  /** The validator of what a run writes: every plan table, or in a series only the tables this batch writes. */
  static Validator validator(ResolvedPlan plan, List<TableSource> sources, Long batch, Long snapshotAfter) {
    if (plan.series() == null) {
      return new Validator(plan);
    }
    Set<String> written = new LinkedHashSet<>();
    for (TableSource s : sources) {
      if (s.table() != null) {
        written.add(s.table().name());
      }
    }
    return new Validator(plan, batch == null ? snapshotAfter : batch, written);
  }

  /** The manifest's series fields of a run, or null for a plan without a series. */
  private static Manifest.SeriesRun seriesRun(ResolvedPlan plan, List<TableSource> sources, Long batch,
      Long snapshotAfter) {
    if (plan.series() == null) {
      return null;
    }
    boolean snapshot = snapshotAfter != null;
    long k = snapshot ? snapshotAfter : batch;
    Map<String, String> roles = new LinkedHashMap<>();
    Map<String, Window> windows = new LinkedHashMap<>();
    for (TableSource s : sources) {
      roles.put(s.name(), Batches.role(plan, s.name(), snapshot).label());
      windows.put(s.name(), Batches.window(plan, s.name(), snapshot, k));
    }
    return new Manifest.SeriesRun(plan.series(), batch, snapshotAfter, roles, windows);
  }

  private static FolderLock lock(RunFolder folder, Path outDir) throws IOException {
    FolderLock.Attempt a = FolderLock.tryAcquire(folder.lockFile());
    return a.lock().orElseThrow(() -> new OutputFolderException(OutputFolderException.Kind.BUSY,
        "another synthgen run (process " + a.owner() + ") is "
        + "writing " + outDir + " (lock " + folder.lockFile() + "); wait for it to finish or choose another output "
        + "folder"));
  }

  /**
   * Repairs what a killed run left for the folder {@code outDir} and removes stale siblings of killed runs beside
   * it, as the next run would. Returns what was done; nothing when a live run holds the folder.
   */
  public static List<String> recover(Path outDir) throws IOException {
    RunFolder folder = RunFolder.of(outDir);
    if (!RunFolder.hasLeftovers(folder.parent)) {
      return List.of(); // the common case, and no lock file is created (the parent may be read-only)
    }
    List<String> done = new ArrayList<>();
    FolderLock.Attempt a = FolderLock.tryAcquire(folder.lockFile());
    if (a.lock().isEmpty()) {
      return done;
    }
    FolderLock held = a.lock().get();
    try {
      folder.recover().ifPresent(done::add);
      done.addAll(RunFolder.sweep(folder.parent, folder.name));
    } finally {
      held.close();
    }
    return done;
  }

  /**
   * Refuses an output folder a run may not replace: a file, or a folder holding anything but a synthgen run.
   * {@link #generate} checks this itself; callers that ask for confirmation first can check earlier.
   */
  public static void checkReplaceable(Path outDir) throws IOException {
    RunFolder.of(outDir).checkReplaceable();
  }

  private static String newId() {
    byte[] b = new byte[RunFolder.ID_HEX_DIGITS / 2];
    IDS.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** The SHA-256 of a plan's canonical JSON: the plan hash manifests and tables carry. */
  public static String planHash(Plan plan) {
    return sha256(PlanCodec.write(plan));
  }

  static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
