#include "stem.h"

#include <re2/re2.h>

#include <vector>

namespace rubric::internal {
namespace {

// Longest first, so "ations" is tried before "s". A stem keeps at least three letters, and a
// suffix is only removed when what remains still contains a vowel (so "less" is not "l").
constexpr const char* kSuffixes[] = {
    "izations", "ization", "isation", "atively", "ations", "ators", "ation", "ative", "ating",
    "ements",   "ement",   "ments",   "ment",    "ities",  "ively", "ator",  "ated",  "ates",
    "ings",     "ness",    "ions",    "ably",    "able",   "ibly",  "ible",  "ing",   "ion",
    "ity",      "ive",     "ate",     "ers",     "ies",    "ied",   "ed",    "er",    "es",
    "ly",       "s",       "y",       "e"};

// Every ending a stem may take back; the union over the suffixes above plus the bare stem.
constexpr const char* kEndings =
    "s|e|es|ed|d|ing|ings|er|ers|or|ors|ion|ions|ation|ations|ement|ements|ment|ments|al|ally|ly|"
    "ity|ities|y|ies|ied|ize|izes|ized|izing|ization|izations|ise|ised|isation|able|ably|ible|"
    "ive|ively|ness|ic|ical|ate|ates|ated|ating|ative|atively|ator|ators";

bool HasVowel(std::string_view s) {
  return s.find_first_of("aeiouy") != std::string_view::npos;
}

bool IsAlpha(std::string_view w) {
  for (char c : w) {
    if (c < 'a' || c > 'z') return false;
  }
  return !w.empty();
}

std::string OneWord(std::string_view word) {
  if (!IsAlpha(word) || word.size() <= 3) return RE2::QuoteMeta(std::string(word));
  return RE2::QuoteMeta(Stem(word)) + "(?:" + kEndings + ")?";
}

}  // namespace

std::string Stem(std::string_view word) {
  if (!IsAlpha(word) || word.size() <= 3) return std::string(word);
  for (const char* suffix : kSuffixes) {
    const std::string_view s(suffix);
    // A long suffix needs a longer stem: "elements" is not "ele" + "ments". The "-ate" family
    // always does, so "update", "updated" and "updating" share one stem.
    const size_t min_stem = s.size() >= 4 || s.substr(0, 2) == "at" ? 4 : 3;
    if (word.size() < s.size() + min_stem || word.substr(word.size() - s.size()) != s) continue;
    const std::string_view rest = word.substr(0, word.size() - s.size());
    // "ss" and "us" endings are not plurals ("class", "status"); a double letter before
    // "ing"/"ed" is the doubled consonant of "mapping", "stopped".
    if (s == "s" && (rest.back() == 's' || rest.back() == 'u' || rest.back() == 'i')) continue;
    if (!HasVowel(rest)) continue;
    std::string stem(rest);
    if ((s == "ing" || s == "ed" || s == "er" || s == "ers") && stem.size() >= 4 &&
        stem[stem.size() - 1] == stem[stem.size() - 2] && stem.back() != 's' &&
        stem.back() != 'l') {
      stem.pop_back();
    }
    return stem;
  }
  return std::string(word);
}

std::string VariantPattern(std::string_view phrase) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && phrase[i] == ' ') ++i;
    const size_t b = i;
    while (i < phrase.size() && phrase[i] != ' ') ++i;
    if (i > b) words.push_back(phrase.substr(b, i - b));
  }
  std::string body;
  for (size_t k = 0; k < words.size(); ++k) {
    if (k) body += "\\W+";
    body += OneWord(words[k]);
  }
  return "\\b" + body + "\\b";
}

}  // namespace rubric::internal
