// The built-in software-engineering synonym groups that derived rubrics accept in place of a model
// answer's word ("remove" for "delete"), and a lookup that merges them with a bank's own groups.
// Immutable after construction; thread-safe to read.
#ifndef RUBRIC_SRC_SYNONYMS_H_
#define RUBRIC_SRC_SYNONYMS_H_

#include <map>
#include <string>
#include <vector>

namespace rubric::internal {

// Groups of interchangeable lower-case terms (a term may be several words).
const std::vector<std::vector<std::string>>& BuiltinSynonyms();

class SynonymTable {
 public:
  // The built-in groups plus `extra` (lower-cased here); a term in several groups gets the union.
  explicit SynonymTable(const std::vector<std::vector<std::string>>& extra);
  // The other terms of every group holding a term with the same stem as `word`; empty if none.
  std::vector<std::string> For(const std::string& word) const;

 private:
  std::map<std::string, std::vector<std::string>> by_stem_;
};

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_SYNONYMS_H_
