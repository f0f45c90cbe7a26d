#include "lexicon.h"

#include <doctest/doctest.h>
#include <libstemmer.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "lexicon_table.h"

using rubric::internal::Lexicon;
using rubric::internal::Pos;

namespace {

bool Has(const std::vector<std::string>& words, const std::string& word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Snowball English called directly, as make_lexicon does.
std::string Snowball(const std::string& word) {
  sb_stemmer* s = sb_stemmer_new("english", nullptr);
  const sb_symbol* out =
      sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  std::string stem(reinterpret_cast<const char*>(out), sb_stemmer_length(s));
  sb_stemmer_delete(s);
  return stem;
}

}  // namespace

TEST_CASE("Inflections and derivations of a word share its stem") {
  const std::vector<std::vector<std::string>> families = {
      {"validate", "validates", "validated", "validating", "validation", "validations"},
      {"delete", "deleted", "deleting", "deletion"},
      {"efficient", "efficiency", "efficiently"},
      {"recursion", "recursive", "recursively"},
      {"encapsulate", "encapsulation", "encapsulated"},
      // Irregular forms take their lemma's stem: Snowball alone knows only suffixes.
      {"child", "children"},
      {"index", "indices", "indexes", "indexed"},
      {"vertex", "vertices"},
      {"run", "ran", "running", "runs"},
      {"leaf", "leaves"},
      {"small", "smaller", "smallest"},
  };
  const Lexicon& lexicon = Lexicon::Get();
  for (const auto& family : families) {
    const std::string first = family[0];
    for (const auto& word : family) {
      CAPTURE(first);
      CAPTURE(word);
      CHECK(lexicon.StemOf(word) == lexicon.StemOf(first));
    }
  }
  CHECK(lexicon.StemOf("validation") == "valid");
  // Words that only look alike keep apart.
  CHECK(lexicon.StemOf("pointer") != lexicon.StemOf("point"));
  CHECK(lexicon.StemOf("stack") != lexicon.StemOf("stake"));
}

TEST_CASE("A word missing from WordNet is stemmed by Snowball and has no synonyms") {
  const Lexicon& lexicon = Lexicon::Get();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"hashmaps", "hashmap"}, {"enqueued", "enqueu"}, {"mutexes", "mutex"}, {"memoized", "memoiz"}};
  for (const auto& c : cases) {
    const std::string& word = c.first;
    CAPTURE(word);
    CHECK_FALSE(lexicon.Knows(word));
    CHECK(lexicon.StemOf(word) == c.second);
    CHECK(lexicon.Synonyms(word, 2).empty());
    CHECK(lexicon.RelatedForms(word).empty());
    CHECK_FALSE(lexicon.MainPos(word).has_value());
  }
  // Anything but letters is its own stem.
  for (const std::string word : {"c++", "o(n)", "2nd", "i/o", "don't", ""}) {
    CAPTURE(word);
    CHECK(lexicon.StemOf(word) == word);
  }
}

TEST_CASE("The table's stems are Snowball's, of the word or, for an inflection, of its lemma") {
  namespace table = rubric::internal::lexicon_table;
  const Lexicon& lexicon = Lexicon::Get();
  REQUIRE(table::kFormCount > 100000);
  int lemma_stems = 0;
  for (uint32_t f = 0; f < table::kFormCount; f += 89) {
    const std::string word = table::kText + table::kForms[f][0];
    CAPTURE(word);
    REQUIRE(lexicon.Knows(word));
    const std::string stem = lexicon.StemOf(word);
    if (!table::Stemmable(word)) {
      CHECK(stem == word);
      continue;
    }
    if (stem == Snowball(word)) continue;
    std::vector<uint32_t> bases = {table::kForms[f][2] & ~table::kOneBase};
    if (!(table::kForms[f][2] & table::kOneBase)) {
      const uint32_t* list = table::kPool + table::kForms[f][2];
      bases.assign(list + 1, list + 1 + list[0]);
    }
    bool of_lemma = false;
    for (uint32_t b : bases) of_lemma |= stem == Snowball(table::kText + table::kLemmas[b >> 2][0]);
    CHECK(of_lemma);
    ++lemma_stems;
  }
  // Most inflections end as Snowball expects ("validating" -> "valid" either way).
  CHECK(lemma_stems > 0);
  CHECK(lemma_stems < 100);
}

TEST_CASE("Synonyms come from the most frequent senses, both ways") {
  const Lexicon& lexicon = Lexicon::Get();
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"begin", "start"}, {"big", "large"}, {"mistake", "error"}, {"quickly", "rapidly"}};
  for (const auto& p : pairs) {
    const std::string& a = p.first;
    const std::string& b = p.second;
    CAPTURE(a);
    CAPTURE(b);
    CHECK(Has(lexicon.Synonyms(a, 1, lexicon.MainPos(a)), b));
    CHECK(Has(lexicon.Synonyms(b, 1, lexicon.MainPos(b)), a));
  }
  // An inflected word finds its lemma's synonyms; the word's own lemmas are never listed.
  CHECK(Has(lexicon.Synonyms("mistakes", 1), "error"));
  CHECK_FALSE(Has(lexicon.Synonyms("mistakes", 1), "mistake"));
  // A second sense only when asked for: a stack as a large amount ("a mountain of work").
  CHECK_FALSE(Has(lexicon.Synonyms("stack", 1, Pos::kNoun), "mountain"));
  CHECK(Has(lexicon.Synonyms("stack", 2, Pos::kNoun), "mountain"));
}

TEST_CASE("Parts of speech: the main one by SemCor counts, and synonyms of one only") {
  const Lexicon& lexicon = Lexicon::Get();
  CHECK(lexicon.MainPos("validation") == Pos::kNoun);
  CHECK(lexicon.MainPos("validate") == Pos::kVerb);
  CHECK(lexicon.MainPos("quickly") == Pos::kAdverb);
  CHECK(lexicon.MainPos("large") == Pos::kAdjective);
  // "Leaves" is the plural of the noun and a form of the verb: each part of speech has its own.
  CHECK(Has(lexicon.Synonyms("leaves", 2, Pos::kNoun), "foliage"));
  CHECK_FALSE(Has(lexicon.Synonyms("leaves", 2, Pos::kVerb), "foliage"));
  CHECK(Has(lexicon.Synonyms("leaves", 2, Pos::kVerb), "go away"));
}

TEST_CASE("Related forms are the words WordNet derives, either way") {
  const Lexicon& lexicon = Lexicon::Get();
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"validate", "validation"}, {"delete", "deletion"}, {"grow", "growth"}, {"quickly", "quick"}};
  for (const auto& p : pairs) {
    const std::string& a = p.first;
    const std::string& b = p.second;
    CAPTURE(a);
    CAPTURE(b);
    CHECK(Has(lexicon.RelatedForms(a), b));
  }
  CHECK(Has(lexicon.RelatedForms("validation"), "validate"));
  CHECK_FALSE(Has(lexicon.RelatedForms("validate"), "validate"));
}

TEST_CASE("Stems from several threads at once agree with one thread's") {
  const std::vector<std::string> words = {"hashmaps", "enqueued", "validating",    "children",
                                          "mutexes",  "memoized", "deserializing", "refactored"};
  std::vector<std::string> expected;
  for (const auto& w : words) expected.push_back(Lexicon::Get().StemOf(w));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 500; ++round) {
        for (size_t i = 0; i < words.size(); ++i)
          mismatches[t] += Lexicon::Get().StemOf(words[i]) != expected[i];
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(mismatches == std::vector<int>(4, 0));
}
