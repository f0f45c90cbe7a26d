// A light English stemmer for derived rubrics: reduces a word to a stem and writes the RE2
// alternation that matches the word's common inflections and derivations ("index" -> indexes,
// indexed, indexing). Deliberately conservative: a wrong merge credits the wrong concept, a missed
// one only costs recall. Pure functions; thread-safe.
#ifndef RUBRIC_SRC_STEM_H_
#define RUBRIC_SRC_STEM_H_

#include <string>
#include <string_view>

namespace rubric::internal {

// The stem of a lower-case word: at most one suffix removed, never shorter than three letters.
std::string Stem(std::string_view word);

// RE2 pattern for every variant of `word` (lower case; several words are joined by any run of
// non-word characters): "\b(?:sort(?:s|ed|ing|er|ers)?)\b"-like, never matching inside a word.
std::string VariantPattern(std::string_view word);

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_STEM_H_
