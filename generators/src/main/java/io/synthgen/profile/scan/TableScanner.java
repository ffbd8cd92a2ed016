package io.synthgen.profile.scan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.synthgen.output.OutputColumn;
import io.synthgen.output.parquet.ParquetColumns;
import io.synthgen.output.parquet.ParquetTableReader;
import io.synthgen.plan.DataType;
import io.synthgen.profile.ColumnProfile;
import io.synthgen.profile.ProfileLimits;
import io.synthgen.profile.stats.BloomBudget;
import io.synthgen.profile.stats.ColumnAccumulator;
import io.synthgen.profile.stats.KeyValues;
import io.synthgen.random.Stream;
import io.synthgen.vec.Batch;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Streams one table's files through one {@link ColumnAccumulator} per column: Parquet with parquet-java's column
 * readers (columns discovered from the footer), CSV with {@link CsvTokenizer} (header row first), JSONL with
 * Jackson's streaming parser (flat objects; keys in order of first appearance). Memory is the accumulators' bounds
 * plus one batch or record, whatever the row count.
 */
final class TableScanner {

  /** The seed of the sampling stream: profiling is deterministic, and independent of any plan's seed. */
  static final long SAMPLE_SEED = 42;

  /** A problem with the data itself (not I/O): reported as a violation naming the file. */
  static final class DataException extends Exception {
    private static final long serialVersionUID = 1L;

    DataException(String message) {
      super(message);
    }
  }

  /** A scanned table: its column accumulators, rows, and notes about what was skipped. */
  record Scanned(List<ColumnAccumulator> columns, long rows, List<String> notes) {

    List<ColumnProfile> profiles() {
      return columns.stream().map(ColumnAccumulator::profile).toList();
    }

    /** Notes on what was skipped, with the columns that lost key detection to the Bloom filter budget. */
    List<String> allNotes(String location) {
      List<String> out = new ArrayList<>(notes);
      for (ColumnAccumulator a : columns) {
        if (a.lostKeyDetection()) {
          out.add("column " + a.name() + " of " + location + " has more than " + ProfileLimits.EXACT_DISTINCT
              + " distinct values and the source's " + ProfileLimits.MAX_BLOOM_FILTERS + " Bloom filters were taken:"
              + " it was not tested as a key or a foreign key");
        }
      }
      return out;
    }

    Map<String, KeyValues> keyValues() {
      Map<String, KeyValues> out = new LinkedHashMap<>();
      for (ColumnAccumulator a : columns) {
        KeyValues k = a.keyValues();
        if (k != null) {
          out.put(a.name(), k);
        }
      }
      return out;
    }
  }

  /** Threads that feed a batch's columns to their accumulators (each column on one thread, in row order). */
  static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

  /** Rows of CSV buffered before their columns are fed in parallel (and at most this many characters). */
  static final int TEXT_BATCH = 8_192;

  static final long TEXT_BATCH_CHARS = 1L << 23;

  private final TableSource table;
  private final BloomBudget budget;
  private final Stream stream;
  private final List<String> notes = new ArrayList<>();

  TableScanner(TableSource table, BloomBudget budget) {
    this.table = table;
    this.budget = budget;
    this.stream = Stream.root(SAMPLE_SEED).child("profile").child(table.name());
  }

  Scanned scan() throws IOException, DataException {
    return switch (table.format()) {
      case "parquet" -> parquet();
      case "csv" -> csv();
      case "jsonl" -> jsonl();
      default -> throw new IllegalStateException("unknown format " + table.format());
    };
  }

  private ColumnAccumulator accumulator(String name, String sourceName, DataType declared) {
    return new ColumnAccumulator(name, name.equals(sourceName) ? null : sourceName, declared,
        stream.child(name), budget);
  }

  private Scanned parquet() throws IOException, DataException {
    List<ColumnAccumulator> acc = null;
    List<OutputColumn> first = null;
    long row = 0;
    for (Path part : table.parts()) {
      ParquetColumns cols = ParquetColumns.of(part);
      if (first == null) {
        first = cols.readable();
        if (first.size() > ProfileLimits.MAX_COLUMNS) {
          throw new DataException(first.size() + " columns, more than " + ProfileLimits.MAX_COLUMNS);
        }
        for (String u : cols.unreadable()) {
          notes.add("column " + u + " of " + table.location() + " skipped: not a type synthgen generates");
        }
        Set<String> taken = new HashSet<>();
        acc = new ArrayList<>();
        for (OutputColumn c : first) {
          acc.add(accumulator(Names.identifier(c.name(), taken), c.name(), c.type()));
        }
      } else if (!cols.readable().equals(first)) {
        throw new DataException("part " + part.getFileName() + " has other columns than the first part");
      }
      try (ParquetTableReader r = new ParquetTableReader(part, first, row); Columns par = new Columns(acc.size())) {
        while (r.hasNext()) {
          Batch b = r.next();
          long start = row;
          List<ColumnAccumulator> a = acc;
          par.each(c -> feed(a.get(c), b.vectors().get(c), b.size(), start));
          row += b.size();
        }
      }
    }
    return new Scanned(acc, row, notes);
  }

  /**
   * Runs a task per column index on up to {@link #THREADS} threads and waits for all: column c on thread
   * c % threads, so each accumulator sees its values in row order and the profile is the same on any machine.
   */
  static final class Columns implements AutoCloseable {
    private final int columns;
    private final java.util.concurrent.ExecutorService pool;

    Columns(int columns) {
      this.columns = columns;
      int threads = Math.min(THREADS, columns);
      this.pool = threads > 1 ? java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "synthgen-profile");
        t.setDaemon(true);
        return t;
      }) : null;
    }

    void each(java.util.function.IntConsumer task) throws IOException {
      if (pool == null) {
        for (int c = 0; c < columns; c++) {
          task.accept(c);
        }
        return;
      }
      int threads = Math.min(THREADS, columns);
      List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        fs.add(pool.submit(() -> {
          for (int c = first; c < columns; c += threads) {
            task.accept(c);
          }
        }));
      }
      try {
        for (java.util.concurrent.Future<?> f : fs) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("profiling was interrupted");
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(e.getCause());
      }
    }

    @Override
    public void close() {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  private static void feed(ColumnAccumulator a, Vec v, int n, long firstRow) {
    if (v instanceof LongVec l) {
      for (int i = 0; i < n; i++) {
        if (l.isNull(i)) {
          a.addNull();
        } else {
          a.addLong(l.values[i], firstRow + i);
        }
      }
    } else if (v instanceof DoubleVec d) {
      for (int i = 0; i < n; i++) {
        if (d.isNull(i)) {
          a.addNull();
        } else {
          a.addDouble(d.values[i], firstRow + i);
        }
      }
    } else if (v instanceof BoolVec b) {
      for (int i = 0; i < n; i++) {
        if (b.isNull(i)) {
          a.addNull();
        } else {
          a.addBoolean(b.values[i]);
        }
      }
    } else if (v instanceof StrVec s) {
      for (int i = 0; i < n; i++) {
        if (s.isNull(i)) {
          a.addNull();
        } else {
          a.addString(s.str(i));
        }
      }
    } else {
      throw new IllegalStateException("unknown vector " + v.getClass());
    }
  }

  private Reader open(Path part) throws IOException {
    InputStream in = Files.newInputStream(part);
    if (table.gzip()) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  private Scanned csv() throws IOException, DataException {
    List<ColumnAccumulator> acc = null;
    List<String> header = null;
    long row = 0;
    for (Path part : table.parts()) {
      try (Reader r = open(part)) {
        CsvTokenizer t = new CsvTokenizer(r);
        List<String> h = t.next();
        if (h == null) {
          continue;
        }
        h = new ArrayList<>(h);
        if (header == null) {
          header = h;
          Set<String> taken = new HashSet<>();
          acc = new ArrayList<>();
          for (int i = 0; i < h.size(); i++) {
            String raw = h.get(i) == null ? "column_" + (i + 1) : h.get(i);
            acc.add(accumulator(Names.identifier(raw, taken), raw, null));
          }
        } else if (!h.equals(header)) {
          throw new DataException("part " + part.getFileName() + " has another header than the first part");
        }
        String[][] buf = new String[TEXT_BATCH][];
        int n = 0;
        long chars = 0;
        try (Columns par = new Columns(acc.size())) {
          while (true) {
            long line = t.line();
            List<String> f = t.next();
            if (f == null || n == TEXT_BATCH || chars > TEXT_BATCH_CHARS) {
              long start = row - n;
              int rows = n;
              List<ColumnAccumulator> a = acc;
              par.each(c -> {
                ColumnAccumulator x = a.get(c);
                for (int i = 0; i < rows; i++) {
                  String v = buf[i][c];
                  if (v == null) {
                    x.addNull();
                  } else {
                    x.addText(v, start + i, false);
                  }
                }
              });
              n = 0;
              chars = 0;
            }
            if (f == null) {
              break;
            }
            if (f.size() == 1 && f.get(0) == null && acc.size() > 1) {
              continue; // a blank line
            }
            if (f.size() != acc.size()) {
              throw new DataException("line " + line + " of " + part.getFileName() + " has " + f.size()
                  + " fields, the header " + acc.size());
            }
            buf[n++] = f.toArray(new String[0]);
            for (String v : f) {
              chars += v == null ? 1 : v.length() + 1;
            }
            row++;
          }
        }
      } catch (CsvTokenizer.CsvException e) {
        throw new DataException(part.getFileName() + ": " + e.getMessage());
      }
    }
    if (acc == null) {
      throw new DataException("no header row: the file is empty");
    }
    return new Scanned(acc, row, notes);
  }

  private Scanned jsonl() throws IOException, DataException {
    JsonFactory json = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(ProfileLimits.MAX_LINE_CHARS).build())
        .build();
    Map<String, ColumnAccumulator> acc = new LinkedHashMap<>();
    Map<String, long[]> seenAt = new HashMap<>();
    Set<String> nested = new HashSet<>();
    Set<String> taken = new HashSet<>();
    long row = 0;
    for (Path part : table.parts()) {
      try (BufferedReader r = new BufferedReader(open(part), 1 << 16)) {
        long lineNo = 0;
        String line;
        while ((line = r.readLine()) != null) {
          lineNo++;
          if (line.length() > ProfileLimits.MAX_LINE_CHARS) {
            throw new DataException("line " + lineNo + " of " + part.getFileName() + " is longer than "
                + ProfileLimits.MAX_LINE_CHARS + " characters");
          }
          if (line.isBlank()) {
            continue;
          }
          try (JsonParser p = json.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
              throw new DataException("line " + lineNo + " of " + part.getFileName() + " is not a JSON object");
            }
            JsonToken tok;
            while ((tok = p.nextToken()) == JsonToken.FIELD_NAME) {
              String key = p.currentName();
              JsonToken v = p.nextToken();
              ColumnAccumulator a = acc.get(key);
              if (a == null) {
                if (acc.size() >= ProfileLimits.MAX_COLUMNS) {
                  throw new DataException("more than " + ProfileLimits.MAX_COLUMNS + " keys");
                }
                a = accumulator(Names.identifier(key, taken), key, null);
                for (long i = 0; i < row; i++) {
                  a.addNull();
                }
                acc.put(key, a);
                seenAt.put(key, new long[] {-1});
              }
              long[] seen = seenAt.get(key);
              if (seen[0] == row) {
                throw new DataException("line " + lineNo + " of " + part.getFileName() + " repeats key " + key);
              }
              seen[0] = row;
              switch (v) {
                case VALUE_NULL -> a.addNull();
                case VALUE_STRING -> a.addText(p.getText(), row, true);
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> a.addText(p.getText(), row, false);
                case START_OBJECT, START_ARRAY -> {
                  p.skipChildren();
                  nested.add(key);
                  a.addNull();
                }
                default -> throw new DataException("line " + lineNo + " of " + part.getFileName()
                    + ": unexpected " + v);
              }
            }
            if (tok != JsonToken.END_OBJECT || p.nextToken() != null) {
              throw new DataException("line " + lineNo + " of " + part.getFileName() + " is not one JSON object");
            }
          } catch (JsonParseException e) {
            throw new DataException("line " + lineNo + " of " + part.getFileName() + " is not valid JSON: "
                + e.getOriginalMessage());
          }
          for (Map.Entry<String, ColumnAccumulator> e : acc.entrySet()) {
            if (seenAt.get(e.getKey())[0] != row) {
              e.getValue().addNull();
            }
          }
          row++;
        }
      }
    }
    List<ColumnAccumulator> cols = new ArrayList<>();
    for (Map.Entry<String, ColumnAccumulator> e : acc.entrySet()) {
      if (nested.contains(e.getKey())) {
        notes.add("key " + e.getKey() + " of " + table.location()
            + " skipped: it holds objects or arrays, and only flat values are profiled");
      } else {
        cols.add(e.getValue());
      }
    }
    return new Scanned(cols, row, notes);
  }
}
