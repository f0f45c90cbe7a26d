// Conversion of a CSV of questions and reference answers into a bank whose rubrics are derived
// (docs/content-format.md, "Importing a CSV"): ImportCsv is pure, WriteBank writes the files.
// Thread-safe.
#ifndef BOT_AUTHORING_IMPORT_CSV_H_
#define BOT_AUTHORING_IMPORT_CSV_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace bot {

struct ImportedQuestion {
  std::string file;      // "NN-id.json"
  nlohmann::json json;   // the question in the bank format, without a rubric
};

// Columns (header row, any order): id, question, model_answer (required); title, difficulty,
// key_terms (';'-separated), accepted_answers (one per line of the field), number (optional).
// False and "line L, column C (name): reason" in *error for the first bad field.
bool ImportCsv(const std::string& csv_text, std::vector<ImportedQuestion>* out, std::string* error);

// Writes bank.json ({"name", "answer_style"}) and the question files into `dir`, created when
// missing; it must not hold files yet. False and *error ("... exists and is not empty", "cannot
// write ...") when it cannot. The bank is not loaded here: the caller checks that it loads.
bool WriteBank(const std::string& dir, const std::string& name, const std::string& answer_style,
               const std::vector<ImportedQuestion>& questions, std::string* error);

}  // namespace bot

#endif  // BOT_AUTHORING_IMPORT_CSV_H_
