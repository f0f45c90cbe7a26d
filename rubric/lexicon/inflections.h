// English spelling rules for the regular inflections of a WordNet lemma ("stop" -> "stops",
// "stopped", "stopping"), used by make_lexicon at build time. Pure functions; thread-safe.
#ifndef RUBRIC_LEXICON_INFLECTIONS_H_
#define RUBRIC_LEXICON_INFLECTIONS_H_

#include <string>
#include <vector>

namespace lexicon_build {

// The regular inflections of a lower-case lemma of letters in part of speech `pos`
// (lexicon_table.h's kNoun...): a noun's plural, a verb's -s, -ed and -ing forms, and a `common`
// short plain adjective's comparative and superlative. Where a consonant may double ("visit",
// "stop") both spellings are listed: one nobody writes costs only a table row.
std::vector<std::string> RegularInflections(const std::string& lemma, int pos, bool common);

bool EndsWith(const std::string& w, const char* suffix);

}  // namespace lexicon_build

#endif  // RUBRIC_LEXICON_INFLECTIONS_H_
