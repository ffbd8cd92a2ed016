package io.synthgen.server.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.server.catalog.SqlTokens.Kind;
import io.synthgen.server.catalog.SqlTokens.Token;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Unity Catalog names, and how names and texts reach SQL without ever becoming SQL themselves. */
class UcNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"retail", "Retail_2024", "a", "données", "sales-eu", "_x"})
  void acceptsNamesUnityCatalogAllows(String name) {
    assertEquals(name, UcNames.require("schema", name));
  }

  @Test
  void acceptsTheLongestNameAndRefusesOneCharacterMore() {
    assertEquals(255, UcNames.require("catalog", "c".repeat(255)).length());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> UcNames.require("catalog", "c".repeat(256)));
    assertTrue(e.getMessage().contains("it has 256 characters (at most 255)"), e.getMessage());
    assertTrue(e.getMessage().endsWith("e.g. '" + "c".repeat(64) + "'"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "sales.eu       | it contains '.'                                              | sales_eu",
      "\"sales eu\"   | \"it contains ' '\"                                          | sales_eu",
      "sales/eu       | it contains '/'                                              | sales_eu",
      "sales?eu       | it contains '?', which cannot appear in a volume file path   | sales_eu",
      "sales#eu       | it contains '#', which cannot appear in a volume file path   | sales_eu",
      "100%           | it contains '%', which cannot appear in a volume file path   | 100",
      "sales\\eu      | it contains '\\', which cannot appear in a volume file path  | sales_eu",
      "\"My Sales.EU\" | \"it contains ' '\"                                        | my_sales_eu",
      "...            | it contains '.'                                              | synthetic"})
  void refusesAPrintableCharacterNamingTheRuleAndASuggestion(String name, String rule, String suggestion) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UcNames.require("volume", name));
    assertEquals("the volume name '" + name + "' is not a valid Unity Catalog name: " + rule
        + "; use letters, digits and underscores, e.g. '" + suggestion + "'", e.getMessage());
  }

  @Test
  void refusesControlCharactersAndDeleteByCodePoint() {
    for (char c : new char[] {'\u0000', '\t', '\n', '\u001f', '\u007f'}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> UcNames.require("schema", "a" + c + "b"));
      assertTrue(e.getMessage().contains(String.format("the control character U+%04X", (int) c)), e.getMessage());
    }
  }

  @Test
  void refusesEmptyAndMissingNames() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> UcNames.require("catalog", ""))
        .getMessage().contains("it is empty; use letters, digits and underscores, e.g. 'synthetic'"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> UcNames.require("catalog", null))
        .getMessage().contains("it is empty"));
  }

  @Test
  void quotesIdentifiersDoublingBackticks() {
    assertEquals("`plain`", UcNames.quote("plain"));
    assertEquals("`a``b`", UcNames.quote("a`b"));
    assertEquals("`x`.`y`.`t``; DROP TABLE z; --`", UcNames.qualified("x", "y", "t`; DROP TABLE z; --"));
    List<Token> tokens = SqlTokens.tokenize(UcNames.qualified("x", "y", "t`; DROP TABLE z; --"));
    assertEquals(List.of(new Token(Kind.IDENT, "x"), new Token(Kind.SYMBOL, "."), new Token(Kind.IDENT, "y"),
        new Token(Kind.SYMBOL, "."), new Token(Kind.IDENT, "t`; DROP TABLE z; --")), tokens);
  }

  @Test
  void aHostileNoteStaysInsideOneLiteral() {
    String note = "it's a \\ test'; DROP TABLE x; --";
    String sql = "ALTER TABLE `c`.`s`.`t` ALTER COLUMN `n` COMMENT " + UcNames.literal(note);
    List<Token> tokens = SqlTokens.tokenize(sql);
    assertEquals(new Token(Kind.STRING, note), tokens.get(tokens.size() - 1));
    assertEquals(1, tokens.stream().filter(t -> t.kind() == Kind.STRING).count(), tokens.toString());
    assertFalse(tokens.stream().anyMatch(t -> t.is(Kind.SYMBOL, ";") || t.is(Kind.WORD, "DROP")), tokens.toString());
  }

  @Test
  void literalsEscapeBackslashQuoteAndLineBreaks() {
    assertEquals("'it\\'s'", UcNames.literal("it's"));
    assertEquals("'a\\\\b'", UcNames.literal("a\\b"));
    assertEquals("'a\\nb\\rc\\td'", UcNames.literal("a\nb\rc\td"));
    assertEquals("''", UcNames.literal(""));
    for (String text : List.of("two\nlines", "ends with a backslash \\", "\\'", "naïve — 東京 😀", "'''")) {
      String lit = UcNames.literal(text);
      assertFalse(lit.contains("\n") || lit.contains("\r"), lit);
      assertEquals(List.of(new Token(Kind.STRING, text)), SqlTokens.tokenize(lit), lit);
    }
  }

  @Test
  void otherControlCharactersBecomeSpaces() {
    assertEquals("'a b c'", UcNames.literal("a\u0000b\u001bc"));
  }

  @Test
  void volumePathsJoinTheThreeNames() {
    assertEquals("/Volumes/main/retail/synthgen_staging", UcNames.volumePath("main", "retail", "synthgen_staging"));
  }
}
