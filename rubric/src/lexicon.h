// English word knowledge for the scorer, from a table generated at build time (WordNet 3.0 and
// Snowball English; rubric/lexicon/make_lexicon.cc): a word's stem, its synonyms in its most
// frequent senses, and the words WordNet derives from it. Lookups are one hash probe; a word missing
// from the table is stemmed by Snowball directly. Immutable; thread-safe.
#ifndef RUBRIC_SRC_LEXICON_H_
#define RUBRIC_SRC_LEXICON_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rubric::internal {

enum class Pos { kNoun = 0, kVerb = 1, kAdjective = 2, kAdverb = 3 };

class Lexicon {
 public:
  static const Lexicon& Get();

  // The Snowball English stem of a lower-case word ("validation", "validating" -> "valid"); a word
  // that is not all letters a-z ("c++", "o(n)") is its own stem.
  std::string StemOf(std::string_view word) const;

  // Whether WordNet knows the word, as a lemma or an inflection of one.
  bool Knows(std::string_view word) const;

  // The part of speech in which the word is most often used (SemCor counts), if WordNet knows it.
  std::optional<Pos> MainPos(std::string_view word) const;

  // The other words and phrases of the first `senses` senses of the word (in part of speech `pos`,
  // or in each; the table keeps two), most frequent sense first, without repeats, names or the
  // word's own lemmas: Synonyms("mistake", 1) is {"error", "fault"}.
  std::vector<std::string> Synonyms(std::string_view word, int senses,
                                    std::optional<Pos> pos = std::nullopt) const;

  // The words WordNet derives from the word's lemmas, or them from these, in their most frequent
  // senses: "validate" -> "validation", "valid"; "quickly" -> "quick".
  std::vector<std::string> RelatedForms(std::string_view word) const;

 private:
  Lexicon() = default;
  // The form's index in the table, if present.
  std::optional<uint32_t> Find(std::string_view word) const;
  // The lemmas (id << 2 | part of speech) the word is a form of.
  std::vector<uint32_t> Bases(std::string_view word) const;
};

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_LEXICON_H_
