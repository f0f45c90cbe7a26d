// ConceptMeanings: a question's concepts recognised by what they mean rather than by their
// patterns. Each concept's name is a plain description ("Several candidate causes ranked by
// likelihood"); its content words, each widened to its synonyms and other forms, are the words a
// candidate telling the idea in their own words is likely to use. A statement that uses enough of
// them, weighted by how specific each is to the concept, means the concept. Built once per
// question; immutable and thread-safe afterwards.
#ifndef RUBRIC_SRC_MEANING_H_
#define RUBRIC_SRC_MEANING_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "rubric/bank.h"
#include "synonyms.h"

namespace rubric::internal {

class ConceptMeanings {
 public:
  ConceptMeanings(const Question& question, const SynonymTable& synonyms);

  struct Match {
    int concept_index;
    size_t begin, end;  // the span of `sentence` from the first to the last word that counted
  };
  // The concepts `sentence` (normalised) means, each once.
  std::vector<Match> Find(std::string_view sentence) const;

 private:
  struct Group {
    int concept_index;
    double weight;
  };
  // The first three letters (or fewer) of a word, packed: a stem is a prefix of its word at
  // least three letters long, so a word whose first three letters begin no stem of index_ is not
  // stemmed at all.
  static uint32_t Prefix(std::string_view word);

  // stem -> the head-word groups it belongs to, as indices into groups_.
  std::unordered_map<std::string, std::vector<int>> index_;
  std::unordered_set<uint32_t> prefixes_;  // Prefix() of every stem of index_
  std::vector<Group> groups_;
  std::vector<double> need_;  // per concept: the group weight a statement must reach
};

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_MEANING_H_
