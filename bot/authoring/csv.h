// An RFC 4180 CSV reader: comma-separated fields, double-quoted fields that may hold commas, line
// breaks and "" for a quote, CRLF or LF line ends. Errors name the line and the column. Pure
// function; thread-safe.
#ifndef BOT_AUTHORING_CSV_H_
#define BOT_AUTHORING_CSV_H_

#include <string>
#include <vector>

namespace bot {

struct CsvRow {
  int line = 0;  // line where the record starts (1-based)
  std::vector<std::string> fields;
};

// Splits `text` into records (a UTF-8 byte-order mark is skipped, blank lines are skipped).
// False and "line L, column C: reason" in *error when a quote is misplaced or never closed.
bool ParseCsv(const std::string& text, std::vector<CsvRow>* rows, std::string* error);

}  // namespace bot

#endif  // BOT_AUTHORING_CSV_H_
