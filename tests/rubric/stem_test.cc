#include "stem.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <string>
#include <vector>

using rubric::internal::Stem;
using rubric::internal::VariantPattern;

TEST_CASE("Stem removes one suffix and keeps a real stem") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"queries", "quer"},   {"query", "quer"},       {"sorting", "sort"},
      {"mapping", "map"},    {"stopped", "stop"},     {"elements", "element"},
      {"class", "class"},    {"status", "status"},    {"insertion", "insert"},
      {"recursively", "recurs"}, {"key", "key"},      {"o(n)", "o(n)"},
      {"analysis", "analysis"},  {"called", "call"},  {"indexes", "index"},
      {"iterate", "iter"},   {"iteration", "iter"},   {"iterative", "iter"},
      {"iterating", "iter"}, {"updated", "updat"},    {"update", "updat"},
      {"updating", "updat"}, {"state", "stat"},       {"creation", "creat"}};
  for (const auto& c : cases) {
    // Named references, not a structured binding: clang (C++17) cannot capture those in CAPTURE.
    const std::string& word = c.first;
    const std::string& stem = c.second;
    CAPTURE(word);
    CHECK(Stem(word) == stem);
  }
}

TEST_CASE("Stem keeps a word's first three letters (ConceptMeanings skips words by them)") {
  // ConceptMeanings::Find stems only words whose first three letters begin one of its stems: exact
  // only while a stem is a prefix of its word at least three letters long, or the word itself.
  const std::vector<std::string> words = {
      "mapping", "stopped", "ate",  "uses",      "used",  "ui",         "a",      "p99",
      "o(n)",    "idea",    "ease", "izations", "being", "organizations", "dying", "eyes",
      "ties",    "iterate", "ates", "seed",      "ones",  "ably",       "ive",    "ation"};
  for (const auto& word : words) {
    CAPTURE(word);
    const std::string stem = Stem(word);
    CHECK(word.compare(0, stem.size(), stem) == 0);  // a prefix of the word
    CHECK(stem.substr(0, 3) == word.substr(0, 3));
  }
}

TEST_CASE("VariantPattern matches the inflections of a word and not other words") {
  struct Case {
    std::string word, text;
    bool match;
  };
  const std::vector<Case> cases = {
      {"query", "two queries ran", true},     {"query", "it was queried", true},
      {"sort", "sorted in place", true},      {"sort", "the sorter", true},
      {"sort", "a resort town", false},       {"insert", "an insertion", true},
      {"element", "the elements", true},      {"element", "the elegant fix", false},
      {"linked list", "linked  lists", true}, {"linked list", "linked to lists", false},
      {"key", "keys", false},                 {"key", "monkey", false},
      {"iteration", "an iterative loop", true}, {"iteration", "we iterate", true},
      {"iteration", "the iterator", true}};
  for (const auto& c : cases) {
    CAPTURE(c.word);
    CAPTURE(c.text);
    CHECK(RE2::PartialMatch(c.text, VariantPattern(c.word)) == c.match);
  }
}
