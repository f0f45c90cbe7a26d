// JsonReader: reads typed fields out of nlohmann::json, recording a Problem (file, JSON path, reason)
// for every field that is missing, of the wrong type, or unknown. Not thread-safe; one per file.
#ifndef RUBRIC_SRC_JSON_READER_H_
#define RUBRIC_SRC_JSON_READER_H_

#include <initializer_list>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "rubric/status.h"

namespace rubric::internal {

class JsonReader {
 public:
  JsonReader(std::string file, std::vector<Problem>* problems)
      : file_(std::move(file)), problems_(problems) {}

  void Fail(const std::string& path, const std::string& reason) {
    problems_->push_back({file_, path, reason});
  }
  // Reports keys of `object` outside `allowed`.
  void OnlyKeys(const nlohmann::json& object, const std::string& path,
                std::initializer_list<const char*> allowed);

  std::string String(const nlohmann::json& object, const std::string& path, const char* key,
                     bool required = true);
  std::vector<std::string> Strings(const nlohmann::json& object, const std::string& path,
                                   const char* key, bool required = true, bool non_empty = false);
  double Number(const nlohmann::json& object, const std::string& path, const char* key,
                double min, double max, bool required = true, double fallback = 0);
  int Integer(const nlohmann::json& object, const std::string& path, const char* key, int min,
              int max, bool required = true, int fallback = 0);
  // The array at `key` (empty when missing or not an array; both reported when `required`).
  const nlohmann::json& Array(const nlohmann::json& object, const std::string& path,
                              const char* key, bool required = true);
  const nlohmann::json& Object(const nlohmann::json& object, const std::string& path,
                               const char* key, bool required = true);

  static std::string Join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }
  static std::string Index(const std::string& path, size_t i) {
    return path + "[" + std::to_string(i) + "]";
  }

 private:
  const nlohmann::json* Field(const nlohmann::json& object, const std::string& path,
                              const char* key, bool required);
  std::string file_;
  std::vector<Problem>* problems_;
};

// True for kebab-case ids: ^[a-z0-9]+(-[a-z0-9]+)*$.
bool IsSlug(const std::string& id);

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_JSON_READER_H_
