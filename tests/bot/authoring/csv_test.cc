#include "authoring/csv.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

TEST_CASE("ParseCsv reads RFC 4180 quoting and records their first line") {
  const std::string text =
      "\xEF\xBB\xBFid,question\r\n"
      "a,\"Why, really?\"\r\n"
      "\n"
      "b,\"She said \"\"no\"\"\nthen left\"\n"
      "c,\n";
  std::vector<bot::CsvRow> rows;
  std::string error;
  REQUIRE(bot::ParseCsv(text, &rows, &error));
  REQUIRE(rows.size() == 4);
  const std::vector<int> lines = {rows[0].line, rows[1].line, rows[2].line, rows[3].line};
  CHECK(lines == std::vector<int>{1, 2, 4, 6});
  CHECK(rows[0].fields == std::vector<std::string>{"id", "question"});
  CHECK(rows[1].fields == std::vector<std::string>{"a", "Why, really?"});
  CHECK(rows[2].fields == std::vector<std::string>{"b", "She said \"no\"\nthen left"});
  CHECK(rows[3].fields == std::vector<std::string>{"c", ""});
}

TEST_CASE("ParseCsv names the line and column of a misplaced or unclosed quote") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"id,q\na,b\"c\n", "line 2, column 2: a quote inside an unquoted field (quote the field "
                         "and double the quote)"},
      {"id,q\na,\"b\"c\n", "line 2, column 2: text after the closing quote of a quoted field"},
      {"id,q\na,b\nc,\"open\nmore\n", "line 3, column 2: quoted field is never closed"}};
  for (const auto& c : cases) {
    // Named copies, not a structured binding: clang (C++17) cannot capture those in CAPTURE.
    const std::string& text = c.first;
    const std::string& message = c.second;
    CAPTURE(text);
    std::vector<bot::CsvRow> rows;
    std::string error;
    CHECK_FALSE(bot::ParseCsv(text, &rows, &error));
    CHECK(error == message);
  }
}
