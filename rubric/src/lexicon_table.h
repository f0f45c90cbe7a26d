// The layout of the lexicon table that rubric/lexicon/make_lexicon.cc generates at build time from
// WordNet 3.0 and Snowball English, and that lexicon.cc reads. Shared by both so that they cannot
// disagree. Plain constant data; thread-safe.
#ifndef RUBRIC_SRC_LEXICON_TABLE_H_
#define RUBRIC_SRC_LEXICON_TABLE_H_

#include <cstdint>
#include <string_view>

namespace rubric::internal::lexicon_table {

// Lists in kPool are count-prefixed: kPool[i] is the count n, kPool[i+1..i+n] the items.
//
// A form is a single lower-case word: a WordNet lemma, a regular inflection of one, or an
// irregular form from WordNet's exception lists. kForms[f] = {text, stem, bases}: offsets in kText
// of the word and of its stem, and its bases, each lemma << 2 | part of speech: kOneBase | the
// base when there is one (most forms), else the pool offset of their list. A lemma is its own
// base in every part of speech it has.
// A lemma is a single word. kLemmas[l] = {text, senses, related}: offsets of its text in kText,
// of its senses in the pool (each Sense(), most frequent first per part of speech) and of the
// texts WordNet derives from it or it from them ("validate" - "validation").
// A synset is a pool list at kSynsets[s] of its words' and phrases' texts, names left out.
inline constexpr uint32_t kOneBase = 1u << 31;
inline constexpr int kNoun = 0, kVerb = 1, kAdjective = 2, kAdverb = 3;

// Sense fields: the synset (17 bits), the part of speech (2), the times SemCor tagged it (13).
inline constexpr uint32_t kSynsetBits = 17, kPosBits = 2, kMaxTagCount = (1u << 13) - 1;
constexpr uint32_t Sense(uint32_t synset, uint32_t pos, uint32_t tags) {
  return synset | pos << kSynsetBits |
         (tags < kMaxTagCount ? tags : kMaxTagCount) << (kSynsetBits + kPosBits);
}
constexpr uint32_t SenseSynset(uint32_t s) { return s & ((1u << kSynsetBits) - 1); }
constexpr uint32_t SensePos(uint32_t s) { return s >> kSynsetBits & 3u; }
constexpr uint32_t SenseTags(uint32_t s) { return s >> (kSynsetBits + kPosBits); }

// Snowball stems words of letters a-z; anything else ("c++", "o(n)", "2nd") is its own stem.
constexpr bool Stemmable(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

// FNV-1a; forms are found by open addressing with linear probing in kSlots (a power of two long),
// each slot a form index + 1, or 0 when empty.
constexpr uint32_t Hash(std::string_view s) {
  uint32_t h = 2166136261u;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

// Defined in the generated lexicon_table.cc.
extern const char kText[];
extern const uint32_t kPool[];
extern const uint32_t kForms[][3];
extern const uint32_t kFormCount;
extern const uint32_t kLemmas[][3];
extern const uint32_t kLemmaCount;
extern const uint32_t kSynsets[];
extern const uint32_t kSlots[];
extern const uint32_t kSlotCount;

}  // namespace rubric::internal::lexicon_table

#endif  // RUBRIC_SRC_LEXICON_TABLE_H_
