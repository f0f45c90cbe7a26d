// Analysis of one answer text, independent of any question: repaired and normalised text and its
// sentences; MatchSentences then runs one PatternSet over every sentence. Immutable once
// built; thread-safe to read.
#ifndef RUBRIC_SRC_ANALYSIS_H_
#define RUBRIC_SRC_ANALYSIS_H_

#include <string>
#include <vector>

#include "pattern_set.h"
#include "text.h"

namespace rubric::internal {

struct Analysis {
  std::string text;  // the answer, UTF-8 repaired; evidence offsets point into it
  NormalizedText norm;
  std::vector<Sentence> sentences;
  int words = 0;
  int list_words = 0;  // words inside list-like sentences

  std::string_view SentenceText(size_t i) const {
    return std::string_view(norm.text).substr(sentences[i].begin,
                                              sentences[i].end - sentences[i].begin);
  }
  // True when sentence i can earn credit: a statement, not a list, fragment or question.
  // In a short answer (`short_answer`), a fragment ("log n" to "what is the cost of a binary
  // search?") and a hedged statement ("in the main function?") say something too.
  bool Says(size_t i, bool short_answer = false) const {
    const Sentence& s = sentences[i];
    return !s.list_like && ((!s.fragment && !s.question) || short_answer);
  }
  // The original words for the normalised range [begin, end) of sentence i, widened to whole words.
  void Quote(size_t sentence, size_t begin, size_t end, size_t* out_begin, size_t* out_end) const;
};

// `repaired` must be valid UTF-8 (see RepairUtf8).
Analysis Analyse(std::string repaired);

// Per sentence of `a`, the sorted indices of the patterns of `set` that match in it.
std::vector<std::vector<int>> MatchSentences(const Analysis& a, const PatternSet& set);

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_ANALYSIS_H_
