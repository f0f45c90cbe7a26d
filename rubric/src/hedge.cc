#include "hedge.h"

#include <array>
#include <vector>

#include "text.h"

namespace rubric::internal {
namespace {

// Words that hedge wherever they stand. "kind of" and "sort of" are left out: "what kind of load"
// names a thing and commits to it.
constexpr std::array<std::string_view, 8> kHedgeWords = {
    "maybe", "perhaps", "probably", "possibly", "hopefully", "might", "unsure", "somehow"};

struct Pair {
  std::string_view first, second;
};
// Two-word hedges, with the spellings without an apostrophe that answers often use.
constexpr std::array<Pair, 12> kHedgePairs = {{{"not", "sure"},
                                               {"not", "certain"},
                                               {"no", "idea"},
                                               {"i", "guess"},
                                               {"i'd", "guess"},
                                               {"would", "guess"},
                                               {"i", "suppose"},
                                               {"don't", "know"},
                                               {"dont", "know"},
                                               {"could", "be"},
                                               {"or", "something"},
                                               {"not", "100"}}};

bool IsHedgeWord(std::string_view w) {
  for (std::string_view h : kHedgeWords) {
    if (w == h) return true;
  }
  return false;
}

}  // namespace

bool Hedges(std::string_view sentence) {
  const std::vector<std::string_view> words = Words(sentence);
  for (size_t i = 0; i < words.size(); ++i) {
    if (IsHedgeWord(words[i])) return true;
    if (i + 1 == words.size()) break;
    for (const Pair& p : kHedgePairs) {
      if (words[i] == p.first && words[i + 1] == p.second) return true;
    }
  }
  return false;
}

}  // namespace rubric::internal
