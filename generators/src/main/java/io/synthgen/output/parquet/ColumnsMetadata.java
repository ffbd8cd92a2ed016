package io.synthgen.output.parquet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.output.OutputColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code synthgen.columns} footer entry: a JSON array of {name, type, nullable, comment} in column order. */
final class ColumnsMetadata {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ColumnsMetadata() {
  }

  static String json(List<OutputColumn> columns) {
    List<Map<String, Object>> list = new ArrayList<>(columns.size());
    for (OutputColumn c : columns) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", c.name());
      m.put("type", c.type().toString());
      m.put("nullable", c.nullable());
      if (c.comment() != null && !c.comment().isEmpty()) {
        m.put("comment", c.comment());
      }
      list.add(m);
    }
    try {
      return JSON.writeValueAsString(list);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write column metadata as JSON", e);
    }
  }
}
