// Word classes for deriving a rubric from a model answer: general-English function words, words
// common to any subject, content words and their stems, and concept-id slugs. Pure functions;
// thread-safe.
#ifndef RUBRIC_SRC_DERIVE_WORDS_H_
#define RUBRIC_SRC_DERIVE_WORDS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace rubric::internal {

// Common words of any subject ("main", "example", "use"): naming them shows little.
bool IsGeneralWord(std::string_view word);
// Not a function word, at least two characters (three unless a number), and with a letter.
bool IsContentWord(std::string_view word);
// The stems of the content words of `text`, in order.
std::vector<std::string> ContentStems(const std::string& text);
// Per stem, the number of `texts` whose content words include it.
std::map<std::string, int> DocumentFrequency(const std::vector<std::string>& texts);

// "Idempotency key!" -> "idempotency-key"; "term" when nothing is left.
std::string Slug(const std::string& text);
std::string Lower(std::string s);

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_DERIVE_WORDS_H_
