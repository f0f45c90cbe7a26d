#include "inflections.h"

#include "lexicon_table.h"

namespace lexicon_build {
namespace {

namespace table = rubric::internal::lexicon_table;

// Adjectives up to this long get regular comparatives ("faster", "smallest").
constexpr size_t kMaxComparativeLetters = 6;

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Consonant-vowel-consonant ending whose consonant may double before a suffix ("stopped").
bool DoublesLast(const std::string& w) {
  const size_t n = w.size();
  return n >= 3 && !IsVowel(w[n - 1]) && w[n - 1] != 'w' && w[n - 1] != 'x' && w[n - 1] != 'y' &&
         IsVowel(w[n - 2]) && !IsVowel(w[n - 3]);
}

bool ConsonantY(const std::string& w) {
  return w.size() >= 2 && w.back() == 'y' && !IsVowel(w[w.size() - 2]);
}

// An adjective formed with a suffix takes "more", not "-er" ("bigger", "cosmic", "going").
bool Derived(const std::string& w) {
  for (const char* s : {"er", "est", "ed", "ing", "ic", "al", "ous", "ful", "ive", "ble", "ish", "less"}) {
    if (EndsWith(w, s)) return true;
  }
  return false;
}

std::string Plural(const std::string& w) {
  if (EndsWith(w, "s") || EndsWith(w, "x") || EndsWith(w, "z") || EndsWith(w, "ch") || EndsWith(w, "sh")) {
    return w + "es";
  }
  return ConsonantY(w) ? w.substr(0, w.size() - 1) + "ies" : w + "s";
}

// `w` with a suffix that starts with a vowel ("ed", "ing", "er", "est"): e-drop, y to i, doubling.
std::vector<std::string> WithVowelSuffix(const std::string& w, const std::string& suffix) {
  if (w.back() == 'e') {
    if (suffix == "ing") {
      if (EndsWith(w, "ie")) return {w.substr(0, w.size() - 2) + "ying"};
      if (EndsWith(w, "ee") || EndsWith(w, "oe") || EndsWith(w, "ye")) return {w + suffix};
    }
    return {w.substr(0, w.size() - 1) + suffix};
  }
  if (ConsonantY(w) && suffix != "ing") return {w.substr(0, w.size() - 1) + "i" + suffix};
  if (DoublesLast(w)) return {w + suffix, w + w.back() + suffix};
  return {w + suffix};
}

}  // namespace

bool EndsWith(const std::string& w, const char* suffix) {
  const std::string e(suffix);
  return w.size() >= e.size() && w.compare(w.size() - e.size(), e.size(), e) == 0;
}

std::vector<std::string> RegularInflections(const std::string& lemma, int pos, bool common) {
  std::vector<std::string> out;
  const auto add = [&](const std::vector<std::string>& forms) {
    out.insert(out.end(), forms.begin(), forms.end());
  };
  // A noun ending in one "s" is a plural already or Latin ("economics", "analysis"; noun.exc has
  // "analyses"); "class" and "status" take "-es".
  const bool plural_already = EndsWith(lemma, "s") && !EndsWith(lemma, "ss") && !EndsWith(lemma, "us");
  if (pos == table::kVerb || (pos == table::kNoun && !plural_already)) out.push_back(Plural(lemma));
  if (pos == table::kVerb) {
    add(WithVowelSuffix(lemma, "ed"));
    add(WithVowelSuffix(lemma, "ing"));
  }
  if (pos == table::kAdjective && common && lemma.size() <= kMaxComparativeLetters && !Derived(lemma)) {
    add(WithVowelSuffix(lemma, "er"));
    add(WithVowelSuffix(lemma, "est"));
  }
  return out;
}

}  // namespace lexicon_build
