#include "authoring/import_csv.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "authoring/csv.h"

namespace bot {
namespace {

constexpr const char* kColumns[] = {"id",        "question",  "model_answer",     "title",
                                    "difficulty", "key_terms", "accepted_answers", "number"};
constexpr size_t kTitleChars = 60;

bool IsSlug(const std::string& id) {
  if (id.empty() || id.size() > 80 || id.front() == '-' || id.back() == '-') return false;
  for (size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && id[i - 1] != '-');
    if (!ok) return false;
  }
  return true;
}

std::string Trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// The non-empty trimmed parts of `all` between `separator`s.
std::vector<std::string> Split(const std::string& all, char separator) {
  std::vector<std::string> parts;
  for (size_t b = 0; b <= all.size();) {
    size_t e = all.find(separator, b);
    if (e == std::string::npos) e = all.size();
    if (std::string t = Trim(all.substr(b, e - b)); !t.empty()) parts.push_back(std::move(t));
    b = e + 1;
  }
  return parts;
}

// The question shortened at a word boundary, for a title when the CSV has none.
std::string TitleFrom(const std::string& question) {
  if (question.size() <= kTitleChars) return question;
  size_t cut = question.rfind(' ', kTitleChars);
  if (cut == std::string::npos || cut == 0) cut = kTitleChars;
  while ((question[cut] & 0xC0) == 0x80) --cut;  // never split a UTF-8 sequence
  return question.substr(0, cut) + "...";
}

}  // namespace

bool ImportCsv(const std::string& csv_text, std::vector<ImportedQuestion>* out,
               std::string* error) {
  out->clear();
  std::vector<CsvRow> rows;
  if (!ParseCsv(csv_text, &rows, error)) return false;
  if (rows.empty()) {
    *error = "line 1: the file is empty; the first line must name the columns";
    return false;
  }
  std::map<std::string, size_t> column;
  const CsvRow& header = rows[0];
  const auto at = [&](int line, size_t c, const std::string& why) {
    *error = "line " + std::to_string(line) + ", column " + std::to_string(c + 1) + " (" +
             Trim(header.fields[c]) + "): " + why;
    return false;
  };
  for (size_t c = 0; c < header.fields.size(); ++c) {
    const std::string name = Trim(header.fields[c]);
    bool known = false;
    for (const char* k : kColumns) known = known || name == k;
    if (!known) {
      return at(header.line, c,
                "unknown column; valid: id, question, model_answer, title, difficulty, key_terms, "
                "accepted_answers, number");
    }
    if (!column.emplace(name, c).second) return at(header.line, c, "column named twice");
  }
  for (const char* required : {"id", "question", "model_answer"}) {
    if (!column.count(required)) {
      *error = "line " + std::to_string(header.line) + ": required column \"" + required +
               "\" is missing";
      return false;
    }
  }
  std::set<std::string> ids;
  std::map<int, int> numbers;  // number -> line
  for (size_t r = 1; r < rows.size(); ++r) {
    const CsvRow& row = rows[r];
    if (row.fields.size() != header.fields.size()) {
      *error = "line " + std::to_string(row.line) + ", column " +
               std::to_string(std::min(row.fields.size(), header.fields.size()) + 1) + ": has " +
               std::to_string(row.fields.size()) + " fields; the header has " +
               std::to_string(header.fields.size());
      return false;
    }
    const auto get = [&](const char* name) {
      auto it = column.find(name);
      return it == column.end() ? std::string() : Trim(row.fields[it->second]);
    };
    const std::string id = get("id");
    if (!IsSlug(id)) {
      return at(row.line, column["id"],
                "\"" + id + "\" is not a valid id (kebab-case: a-z, 0-9 and single '-', at most "
                "80 characters)");
    }
    if (!ids.insert(id).second) return at(row.line, column["id"], "id \"" + id + "\" is used twice");
    for (const char* required : {"question", "model_answer"}) {
      if (get(required).empty()) return at(row.line, column[required], "must not be empty");
    }
    int number = static_cast<int>(r);
    if (!get("number").empty()) {
      const std::string n = get("number");
      if (n.find_first_not_of("0123456789") != std::string::npos || n.size() > 6 || std::stoi(n) < 1) {
        return at(row.line, column["number"], "\"" + n + "\" is not a whole number from 1");
      }
      number = std::stoi(n);
    }
    if (!numbers.emplace(number, row.line).second) {
      return at(row.line, column.count("number") ? column["number"] : column["id"],
                "number " + std::to_string(number) + " is also the number of line " +
                    std::to_string(numbers[number]));
    }
    nlohmann::json q = {{"number", number},
                        {"id", id},
                        {"title", get("title").empty() ? TitleFrom(get("question")) : get("title")},
                        {"question", get("question")},
                        {"model_answer", get("model_answer")}};
    if (!get("difficulty").empty()) q["difficulty"] = get("difficulty");
    if (auto terms = Split(get("key_terms"), ';'); !terms.empty()) q["key_terms"] = terms;
    if (auto accepted = Split(get("accepted_answers"), '\n'); !accepted.empty()) {
      q["accepted_answers"] = accepted;
    }
    std::string prefix = std::to_string(number);
    if (prefix.size() < 2) prefix = "0" + prefix;
    out->push_back({prefix + "-" + id + ".json", std::move(q)});
  }
  return true;
}

bool WriteBank(const std::string& dir, const std::string& name, const std::string& answer_style,
               const std::vector<ImportedQuestion>& questions, std::string* error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_empty(dir, ec)) {
    *error = dir + " exists and is not empty";
    return false;
  }
  fs::create_directories(dir, ec);
  std::vector<std::pair<std::string, nlohmann::json>> files = {
      {"bank.json", {{"name", name}, {"answer_style", answer_style}}}};
  for (const auto& q : questions) files.emplace_back(q.file, q.json);
  for (const auto& [file, json] : files) {
    std::ofstream out(fs::path(dir) / file, std::ios::binary);
    out << json.dump(2) << "\n";
    if (!out) {
      *error = "cannot write " + (fs::path(dir) / file).string();
      return false;
    }
  }
  return true;
}

}  // namespace bot
