#include "authoring/csv.h"

namespace bot {

bool ParseCsv(const std::string& text, std::vector<CsvRow>* rows, std::string* error) {
  rows->clear();
  size_t i = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  int line = 1;
  CsvRow row;
  std::string field;
  bool quoted = false, in_quotes = false, row_has_text = false;
  int quote_line = 0;
  const auto fail = [&](int at_line, const std::string& why) {
    *error = "line " + std::to_string(at_line) + ", column " +
             std::to_string(row.fields.size() + 1) + ": " + why;
    return false;
  };
  const auto end_field = [&] {
    row.fields.push_back(std::move(field));
    field.clear();
    quoted = false;
  };
  const auto end_row = [&] {
    end_field();
    // A blank line is no record (a single empty field is all it would hold).
    if (row_has_text) rows->push_back(std::move(row));
    row = CsvRow();
    row_has_text = false;
  };
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (row.fields.empty() && field.empty() && !quoted && !row_has_text) row.line = line;
    if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        in_quotes = false;
        const char next = i + 1 < text.size() ? text[i + 1] : '\n';
        if (next != ',' && next != '\n' && next != '\r') {
          return fail(line, "text after the closing quote of a quoted field");
        }
      } else {
        line += c == '\n';
        field += c;
      }
      continue;
    }
    if (c == '"') {
      if (!field.empty()) return fail(line, "a quote inside an unquoted field (quote the field and double the quote)");
      in_quotes = quoted = row_has_text = true;
      quote_line = line;
    } else if (c == ',') {
      row_has_text = true;
      end_field();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_row();
      ++line;
    } else {
      row_has_text = true;
      field += c;
    }
  }
  if (in_quotes) return fail(quote_line, "quoted field is never closed");
  if (row_has_text || !field.empty()) end_row();
  return true;
}

}  // namespace bot
