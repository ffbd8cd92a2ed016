package io.synthgen.profile.scan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.synthgen.profile.ProfileLimits;
import io.synthgen.profile.stats.ColumnAccumulator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.io.BufferedReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSONL table: one flat object per line, parsed with Jackson's streaming parser; keys become columns in order of
 * first appearance (earlier rows NULL), a missing key is NULL, a key holding objects or arrays is skipped.
 */
final class JsonlScan {

  private JsonlScan() {
  }

  static TableScanner.Scanned scan(TableScanner scan) throws IOException, TableScanner.DataException {
    JsonFactory json = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(ProfileLimits.MAX_LINE_CHARS).build())
        .build();
    Map<String, ColumnAccumulator> acc = new LinkedHashMap<>();
    Map<String, long[]> seenAt = new HashMap<>();
    Set<String> nested = new HashSet<>();
    Set<String> taken = new HashSet<>();
    long row = 0;
    for (Path part : scan.table.parts()) {
      try (BufferedReader r = new BufferedReader(scan.open(part), 1 << 16)) {
        long lineNo = 0;
        String line;
        while ((line = r.readLine()) != null) {
          lineNo++;
          if (line.length() > ProfileLimits.MAX_LINE_CHARS) {
            throw new TableScanner.DataException("line " + lineNo + " of " + part.getFileName() + " is longer than "
                + ProfileLimits.MAX_LINE_CHARS + " characters");
          }
          if (line.isBlank()) {
            continue;
          }
          try (JsonParser p = json.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
              throw new TableScanner.DataException("line " + lineNo + " of " + part.getFileName()
                  + " is not a JSON object");
            }
            JsonToken tok;
            while ((tok = p.nextToken()) == JsonToken.FIELD_NAME) {
              String key = p.currentName();
              JsonToken v = p.nextToken();
              ColumnAccumulator a = acc.get(key);
              if (a == null) {
                if (acc.size() >= ProfileLimits.MAX_COLUMNS) {
                  throw new TableScanner.DataException("more than " + ProfileLimits.MAX_COLUMNS + " keys");
                }
                a = scan.accumulator(Names.identifier(key, taken), key, null);
                for (long i = 0; i < row; i++) {
                  a.addNull();
                }
                acc.put(key, a);
                seenAt.put(key, new long[] {-1});
              }
              long[] seen = seenAt.get(key);
              if (seen[0] == row) {
                throw new TableScanner.DataException("line " + lineNo + " of " + part.getFileName()
                    + " repeats key " + key);
              }
              seen[0] = row;
              switch (v) {
                case VALUE_NULL -> a.addNull();
                case VALUE_STRING -> a.addText(p.getText(), row, true);
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
                    a.addText(p.getText(), row, false);
                case START_OBJECT, START_ARRAY -> {
                  p.skipChildren();
                  nested.add(key);
                  a.addNull();
                }
                default -> throw new TableScanner.DataException("line " + lineNo + " of " + part.getFileName()
                    + ": unexpected " + v);
              }
            }
            if (tok != JsonToken.END_OBJECT || p.nextToken() != null) {
              throw new TableScanner.DataException("line " + lineNo + " of " + part.getFileName()
                  + " is not one JSON object");
            }
          } catch (JsonParseException e) {
            throw new TableScanner.DataException("line " + lineNo + " of " + part.getFileName() + " is not valid JSON: "
                + e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                    .replaceAll("\\s*\\[Source:[^\\]]*\\]", ""));
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
        scan.notes.add("key " + e.getKey() + " of " + scan.table.location()
            + " skipped: it holds objects or arrays, and only flat values are profiled");
      } else {
        cols.add(e.getValue());
      }
    }
    return new TableScanner.Scanned(cols, row, scan.notes);
  }
}
