package io.synthgen.output.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one RFC 4180 reader, lenient for files to compare and strict, bounded, for files to profile. */
class CsvRecordsTest {

  private static List<List<String>> all(CsvRecords r) throws IOException {
    List<List<String>> out = new ArrayList<>();
    for (List<String> f = r.next(); f != null; f = r.next()) {
      out.add(f);
    }
    return out;
  }

  @Test
  void bothModesSplitQuotedFieldsLineEndsAndNullsAlike() throws IOException {
    String text = "a,b,c\r\n\"x,\"\"y\"\"\",,\"\"\n\"two\nlines\",2,3\r4,5,6";
    List<List<String>> expected = List.of(List.of("a", "b", "c"), Arrays.asList("x,\"y\"", null, ""),
        List.of("two\nlines", "2", "3"), List.of("4", "5", "6"));
    assertEquals(expected, all(new CsvRecords(new StringReader(text))));
    CsvRecords strict = CsvRecords.strict(new StringReader(text), 100, 3);
    assertEquals(expected, all(strict));
    assertEquals(5, strict.line(), "the quoted line break and the lone CR are lines");
    assertNull(new CsvRecords(new StringReader("")).next());
  }

  @Test
  void onlyTheStrictReaderRefusesABareQuoteAndBoundsRecords() throws IOException {
    assertEquals(List.of("a\"b", "c"), new CsvRecords(new StringReader("a\"b,c\n")).next());
    CsvRecords.FormatException e = assertThrows(CsvRecords.FormatException.class,
        () -> CsvRecords.strict(new StringReader("a\"b,c\n"), 100, 10).next());
    assertTrue(e.getMessage().contains("quote inside an unquoted field on line 1"), e.getMessage());
    e = assertThrows(CsvRecords.FormatException.class,
        () -> CsvRecords.strict(new StringReader("abcdef\n"), 5, 10).next());
    assertTrue(e.getMessage().contains("longer than 5 characters"), e.getMessage());
    e = assertThrows(CsvRecords.FormatException.class,
        () -> CsvRecords.strict(new StringReader("a,b,c\n"), 100, 2).next());
    assertTrue(e.getMessage().contains("more than 2 fields on line 1"), e.getMessage());
    e = assertThrows(CsvRecords.FormatException.class, () -> new CsvRecords(new StringReader("\"open\n")).next());
    assertTrue(e.getMessage().contains("starts on line 1 never ends"), e.getMessage());
  }
}
