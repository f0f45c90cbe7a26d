// Reading the JSON Lines answer sets the tests score (tests/data, the shared calibration answers).
#ifndef TESTS_JSONL_H_
#define TESTS_JSONL_H_

#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

// Every non-empty line of `path`, parsed; none when the file cannot be read.
inline std::vector<nlohmann::json> ReadJsonl(const std::string& path) {
  std::ifstream in(path);
  std::vector<nlohmann::json> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) rows.push_back(nlohmann::json::parse(line));
  }
  return rows;
}

// A row's "question": a bank id, or the question's number.
inline std::string QuestionKey(const nlohmann::json& v) {
  return v.is_string() ? v.get<std::string>() : std::to_string(v.get<int>());
}

#endif  // TESTS_JSONL_H_
