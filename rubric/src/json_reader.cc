#include "json_reader.h"

#include <cmath>

namespace rubric::internal {
namespace {

const nlohmann::json& EmptyArray() {
  static const auto* empty = new nlohmann::json(nlohmann::json::array());
  return *empty;
}
const nlohmann::json& EmptyObject() {
  static const auto* empty = new nlohmann::json(nlohmann::json::object());
  return *empty;
}

std::string TypeName(const nlohmann::json& v) { return v.type_name(); }

}  // namespace

bool IsSlug(const std::string& id) {
  if (id.empty() || id.front() == '-' || id.back() == '-' || id.size() > 80) return false;
  for (size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && id[i - 1] == '-')) return false;
  }
  return true;
}

void JsonReader::OnlyKeys(const nlohmann::json& object, const std::string& path,
                          std::initializer_list<const char*> allowed) {
  if (!object.is_object()) return;
  for (auto it = object.begin(); it != object.end(); ++it) {
    bool known = false;
    for (const char* key : allowed) known |= it.key() == key;
    if (!known) {
      std::string list;
      for (const char* key : allowed) list += std::string(list.empty() ? "" : ", ") + key;
      Fail(Join(path, it.key()), "unknown field; allowed here: " + list);
    }
  }
}

const nlohmann::json* JsonReader::Field(const nlohmann::json& object, const std::string& path,
                                        const char* key, bool required) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) {
    if (required) Fail(Join(path, key), "required field is missing");
    return nullptr;
  }
  return &*it;
}

std::string JsonReader::String(const nlohmann::json& object, const std::string& path,
                               const char* key, bool required) {
  const nlohmann::json* v = Field(object, path, key, required);
  if (!v) return "";
  if (!v->is_string()) {
    Fail(Join(path, key), "must be a string, found " + TypeName(*v));
    return "";
  }
  std::string s = v->get<std::string>();
  if (required && s.find_first_not_of(" \t\r\n") == std::string::npos) {
    Fail(Join(path, key), "must not be empty");
  }
  return s;
}

std::vector<std::string> JsonReader::Strings(const nlohmann::json& object, const std::string& path,
                                             const char* key, bool required, bool non_empty) {
  std::vector<std::string> out;
  const nlohmann::json* v = Field(object, path, key, required);
  if (!v) return out;
  if (!v->is_array()) {
    Fail(Join(path, key), "must be an array of strings, found " + TypeName(*v));
    return out;
  }
  if (non_empty && v->empty()) Fail(Join(path, key), "must have at least one entry");
  for (size_t i = 0; i < v->size(); ++i) {
    const auto& item = (*v)[i];
    if (!item.is_string() || item.get<std::string>().empty()) {
      Fail(Index(Join(path, key), i), "must be a non-empty string");
      continue;
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

double JsonReader::Number(const nlohmann::json& object, const std::string& path, const char* key,
                          double min, double max, bool required, double fallback) {
  const nlohmann::json* v = Field(object, path, key, required);
  if (!v) return fallback;
  if (!v->is_number()) {
    Fail(Join(path, key), "must be a number, found " + TypeName(*v));
    return fallback;
  }
  const double d = v->get<double>();
  if (!std::isfinite(d) || d < min || d > max) {
    char range[64];
    snprintf(range, sizeof range, "must be between %g and %g", min, max);
    Fail(Join(path, key), range);
    return fallback;
  }
  return d;
}

int JsonReader::Integer(const nlohmann::json& object, const std::string& path, const char* key,
                        int min, int max, bool required, int fallback) {
  const nlohmann::json* v = Field(object, path, key, required);
  if (!v) return fallback;
  if (!v->is_number_integer()) {
    Fail(Join(path, key), "must be an integer, found " + TypeName(*v));
    return fallback;
  }
  const long long n = v->get<long long>();
  if (n < min || n > max) {
    Fail(Join(path, key),
         "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return fallback;
  }
  return static_cast<int>(n);
}

const nlohmann::json& JsonReader::Array(const nlohmann::json& object, const std::string& path,
                                        const char* key, bool required) {
  const nlohmann::json* v = Field(object, path, key, required);
  if (!v) return EmptyArray();
  if (!v->is_array()) {
    Fail(Join(path, key), "must be an array, found " + TypeName(*v));
    return EmptyArray();
  }
  return *v;
}

const nlohmann::json& JsonReader::Object(const nlohmann::json& object, const std::string& path,
                                         const char* key, bool required) {
  const nlohmann::json* v = Field(object, path, key, required);
  if (!v) return EmptyObject();
  if (!v->is_object()) {
    Fail(Join(path, key), "must be an object, found " + TypeName(*v));
    return EmptyObject();
  }
  return *v;
}

}  // namespace rubric::internal
