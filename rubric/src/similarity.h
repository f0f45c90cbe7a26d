// Word overlap between an answer and the model answer: how much of the model answer's specific
// vocabulary an answer uses (recall, weighted by specificity across the bank) and how much of the
// answer's own vocabulary is the model answer's (precision). A question's accepted answers are more
// references, and the closest one counts. Words of the question count for little (students echo the
// question); a reference word's WordNet synonyms and derived forms count as it. Built once per
// question; immutable and thread-safe afterwards.
#ifndef RUBRIC_SRC_SIMILARITY_H_
#define RUBRIC_SRC_SIMILARITY_H_

#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analysis.h"

namespace rubric::internal {

class ModelVocabulary {
 public:
  // `references`: the model answer, then any accepted answers. `document_frequency`: per stem,
  // how many of the bank's `questions` model answers use it.
  ModelVocabulary(const std::vector<std::string>& references, const std::string& question_text,
                  const std::map<std::string, int>& document_frequency, int questions);

  // The best F1 of recall and precision over the references, in [0, 1], over the sentences of
  // `answer` that say something. A word counts as a reference's word when it is one of its
  // synonyms in its most frequent sense ("mistake" for "error") or a form WordNet derives from it
  // ("deletion" for "delete"), or when it is misspelt one edit away ("paramaters").
  double Overlap(const Analysis& answer, bool fragments_count) const;

 private:
  struct Reference {
    std::unordered_map<std::string, double> weight;  // stem -> specificity
    double total = 0;
  };

  // Records the stems of `reference`'s words' synonyms and derived forms (lexicon.h) that no
  // reference or the question uses, each as an alias of the word's stem.
  void AddAliases(const std::string& reference);
  // `stem` when a reference has it, else the reference stem it is an alias of, else a reference's
  // stem one edit away, else `stem`.
  std::string ReferenceStem(std::string stem) const;

  std::vector<Reference> references_;
  std::unordered_set<std::string> known_;     // every reference's stems
  std::unordered_set<std::string> question_;  // stems of the question's own text
  std::vector<std::string> typo_targets_;     // sorted, so the first match is stable
  std::unordered_map<std::string, std::string> aliases_;  // the first reference word's wins
};

// True when one letter inserted, deleted, replaced, or two adjacent letters swapped, turn `a`
// into `b` (and a != b).
bool OneEditApart(std::string_view a, std::string_view b);

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_SIMILARITY_H_
