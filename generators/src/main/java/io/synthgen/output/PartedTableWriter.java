package io.synthgen.output;

import io.synthgen.vec.Batch;
import io.synthgen.vec.Vec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The format-independent half of every writer: splits batches at {@code rowsPerFile} boundaries (part k holds the
 * rows at output positions {@code [k * rowsPerFile, (k + 1) * rowsPerFile)}, counted as they are appended, whatever
 * the batches' row ids: an append slice's ids start past 0, and swapped or copied rows do not follow them), writes each part under a hidden temporary name beside the output,
 * hashes while writing, and renames on commit: {@code {table}{ext}} for one part, {@code {table}/part-00000{ext}...}
 * for several.
 */
final class PartedTableWriter implements TableWriter {

  private enum State { OPEN, COMMITTED, ABORTED }

  private final Path dir;
  private final String table;
  private final List<OutputColumn> columns;
  private final FileFormat format;
  private final long rowsPerFile;
  private final String token;

  private final List<Part> parts = new ArrayList<>();
  private final List<Path> created = new ArrayList<>();
  private Path createdFolder;
  private Part current;
  private long currentPart = -1;
  /** Rows appended so far: the output position of the next chunk's first row. */
  private long appended;
  /** Output position minus row id of the row after the last appended chunk: the next guess of a batch's position. */
  private volatile long offset;
  private State state = State.OPEN;

  PartedTableWriter(Path dir, String table, List<OutputColumn> columns, FileFormat format, long rowsPerFile) {
    this.dir = dir;
    this.table = table;
    this.columns = List.copyOf(columns);
    this.format = format;
    this.rowsPerFile = rowsPerFile;
    byte[] r = new byte[6];
    new SecureRandom().nextBytes(r);
    this.token = HexFormat.of().formatHex(r);
  }

  @Override
  public EncodedChunk encode(Batch batch) throws IOException {
    checkBatch(batch);
    int n = batch.size();
    if (rowsPerFile <= 0 || n == 0) {
      return new SplitChunk(List.of(new SplitChunk.Piece(0, format.encode(batch, 0, n))), 0, null);
    }
    // Encoding runs on many threads before the batch's output position is known: split where the batch would cross
    // part boundaries if it started at the guessed position; append re-encodes the rare batch whose guess was wrong.
    long guess = Math.max(0, batch.rows()[0] + offset);
    return new SplitChunk(encodeFrom(batch, guess), guess, batch);
  }

  /** The batch encoded as pieces split at the part boundaries it crosses when its first row is at {@code start}. */
  private List<SplitChunk.Piece> encodeFrom(Batch batch, long start) throws IOException {
    int n = batch.size();
    List<SplitChunk.Piece> pieces = new ArrayList<>(1);
    int from = 0;
    while (from < n) {
      long pos = start + from;
      int to = (int) Math.min(n, from + (rowsPerFile - pos % rowsPerFile));
      pieces.add(new SplitChunk.Piece(pos / rowsPerFile, format.encode(batch, from, to)));
      from = to;
    }
    return pieces;
  }

  private void checkBatch(Batch batch) {
    List<Vec> vecs = batch.vectors();
    if (vecs.size() != columns.size()) {
      throw new IllegalArgumentException("batch for table " + table + " has " + vecs.size() + " columns " + batch.names()
          + " but the writer was opened with " + columns.size() + "; pass vectors in output column order");
    }
    for (int c = 0; c < vecs.size(); c++) {
      OutputColumn col = columns.get(c);
      Vec v = vecs.get(c);
      if (!v.type().equals(col.type())) {
        throw new IllegalArgumentException("column " + table + "." + col.name() + " is " + col.type()
            + " but the batch holds a " + v.type() + " vector; pass vectors in output column order");
      }
      if (v.size() < batch.size()) {
        throw new IllegalArgumentException("column " + table + "." + col.name() + " has " + v.size()
            + " values for a batch of " + batch.size() + " rows");
      }
    }
  }

  @Override
  public synchronized void append(EncodedChunk chunk) throws IOException {
    requireOpen();
    if (!(chunk instanceof SplitChunk split)) {
      throw new IllegalArgumentException("append takes chunks from this writer's encode, got " + chunk.getClass());
    }
    List<SplitChunk.Piece> pieces = split.pieces();
    if (rowsPerFile > 0 && split.rows() > 0) {
      // parts hold output positions [k * rowsPerFile, (k + 1) * rowsPerFile): rows as appended, whatever the row ids
      // say (an append slice starts past row 0, swapped neighbours and injected copies do not follow their ids)
      long m = split.rows();
      long want = appended % rowsPerFile;
      long had = split.guess() % rowsPerFile;
      if (want != had && !(want + m <= rowsPerFile && had + m <= rowsPerFile)) {
        pieces = encodeFrom(split.batch(), appended);
      }
      long last = Long.MIN_VALUE;
      for (int i = 0; i < split.batch().size(); i++) {
        last = Math.max(last, split.batch().rows()[i]);
      }
      offset = appended + m - (last + 1);
    }
    long at = appended;
    for (SplitChunk.Piece piece : pieces) {
      long rows = piece.chunk().rows();
      if (rows == 0) {
        continue;
      }
      long part = rowsPerFile > 0 ? at / rowsPerFile : 0;
      if (part != currentPart) {
        finishCurrent();
        startPart();
        currentPart = part;
      }
      current.sink.write(piece.chunk());
      current.rows += rows;
      at += rows;
    }
    appended = at;
  }

  private void startPart() throws IOException {
    Path tmp = dir.resolve("." + table + "-" + parts.size() + format.extension() + ".inprogress-" + token);
    HashingOutput out = new HashingOutput(tmp);
    created.add(tmp);
    try {
      current = new Part(tmp, out, format.begin(out));
    } catch (IOException | RuntimeException e) {
      out.close();
      throw e;
    }
  }

  private void finishCurrent() throws IOException {
    if (current != null) {
      current.sink.finish();
      current.out.close();
      parts.add(current);
      current = null;
    }
  }

  @Override
  public synchronized List<FileEntry> commit() throws IOException {
    requireOpen();
    if (current == null && parts.isEmpty()) {
      startPart(); // an empty table still gets a file with its schema or header
    }
    finishCurrent();
    List<FileEntry> entries = new ArrayList<>(parts.size());
    boolean single = parts.size() == 1;
    if (!single) {
      Path folder = dir.resolve(table);
      if (!Files.isDirectory(folder)) {
        Files.createDirectories(folder);
        createdFolder = folder;
      }
    }
    for (int k = 0; k < parts.size(); k++) {
      Part p = parts.get(k);
      String rel = single ? table + format.extension() : table + "/" + String.format("part-%05d", k) + format.extension();
      Path target = dir.resolve(rel);
      created.add(target);
      Files.move(p.tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      created.remove(p.tmp);
      entries.add(new FileEntry(rel, p.rows, p.out.bytes(), p.out.sha256()));
    }
    state = State.COMMITTED;
    return List.copyOf(entries);
  }

  @Override
  public synchronized void abort() {
    if (current != null) {
      try {
        current.out.close();
      } catch (IOException e) {
        // the file is deleted below; a failed close cannot leave anything that looks finished
      }
      current = null;
    }
    List<String> failures = new ArrayList<>();
    for (Path p : created) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        failures.add(p + ": " + e.getMessage());
      }
    }
    created.clear();
    if (createdFolder != null) {
      try {
        Files.deleteIfExists(createdFolder);
      } catch (IOException e) {
        failures.add(createdFolder + ": " + e.getMessage());
      }
      createdFolder = null;
    }
    state = State.ABORTED;
    if (!failures.isEmpty()) {
      throw new UncheckedIOException(new IOException("could not delete partial output; remove by hand: " + failures));
    }
  }

  @Override
  public synchronized void close() {
    if (state != State.COMMITTED) {
      abort();
    }
  }

  private void requireOpen() {
    if (state != State.OPEN) {
      throw new IllegalStateException("writer for table " + table + " is already " + state.name().toLowerCase()
          + "; open a new one");
    }
  }

  /** A part file being written. */
  private static final class Part {
    final Path tmp;
    final HashingOutput out;
    final FileFormat.FilePart sink;
    long rows;

    Part(Path tmp, HashingOutput out, FileFormat.FilePart sink) {
      this.tmp = tmp;
      this.out = out;
      this.sink = sink;
    }
  }
}
