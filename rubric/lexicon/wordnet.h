// Reads the WordNet 3.0 database files (Debian's wordnet-base: data.*, index.*, *.exc,
// cntlist.rev) for make_lexicon at build time. Not thread-safe; one reader per call.
#ifndef RUBRIC_LEXICON_WORDNET_H_
#define RUBRIC_LEXICON_WORDNET_H_

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace lexicon_build {

struct Pointer {
  char symbol;  // '+' derivationally related, '\\' pertainym ("quickly" from "quick"), ...
  int pos;      // lexicon_table.h's kNoun...; -1 if unknown
  long offset;
  int source, target;  // 1-based word numbers of a lexical pointer
};

struct Synset {
  std::vector<std::string> words;  // lower case, words of a phrase joined by one space
  std::vector<bool> proper;        // written with a capital: a name ("Java", "Paris")
  std::vector<Pointer> pointers;
};

struct WordNet {
  std::map<std::pair<int, long>, Synset> synsets;                    // (pos, offset)
  std::map<std::pair<std::string, int>, std::vector<long>> senses;   // (lemma, pos) -> synsets, in order
  std::vector<std::tuple<std::string, int, std::string>> irregular;  // form, pos, lemma
  std::map<std::tuple<std::string, int, int>, uint32_t> tags;        // (lemma, pos, sense number)
};

// Reads the database in `dir`; false with `error` naming the file when one is missing or broken.
bool ReadWordNet(const std::string& dir, WordNet* out, std::string* error);

}  // namespace lexicon_build

#endif  // RUBRIC_LEXICON_WORDNET_H_
