#include "pattern_size.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <string>
#include <vector>

#include "rubric/bank.h"

using rubric::internal::ProgramSizeBound;

namespace {

// PatternSet's options for a pattern alone.
RE2::Options Latin1Folded() {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);
  return options;
}

// Whether the bound of `pattern` exists and is at least what RE2 compiles it to.
void CheckBounds(const std::string& pattern) {
  CAPTURE(pattern);
  const RE2 re(pattern, Latin1Folded());
  REQUIRE(re.ok());
  const auto bound = ProgramSizeBound(pattern);
  REQUIRE(bound.has_value());
  CHECK(*bound >= re.ProgramSize());
}

}  // namespace

TEST_CASE("ProgramSizeBound is at least RE2's size for every kind of piece, alone, repeated and nested") {
  // The pieces that compile to the most instructions for their text: folded literals with a third
  // case outside Latin-1 (k, s), named and negated classes, any character, empty-width assertions.
  const std::vector<std::string> atoms = {
      "a", "k", "s", "\\.", ".", "(?s:.)", "\\w", "\\W", "\\d", "\\D", "\\s", "\\S", "\\pL",
      "\\PL", "\\pN", "\\p{Latin}", "\\P{Latin}", "\\p{Greek}", "[a-z]", "[^a-z]", "[^a]",
      "[[:alpha:]]", "[^[:alpha:]]", "[^\\W]", "[\\w\\-]", "[^\\pL\\d]", "[\\s\\S]", "[^\\n]",
      "[]a]", "[^]a]", "[-a]", "\\b", "\\B", "^", "$", "(?i:k)", "(?-i:k)", "[^aeiou]",
      "(?:\\w+\\W+)", "(ab|cd|e)", "\\xe2", "\\x{e9}", "[^x\\xe2]"};
  const std::vector<std::string> repeats = {"", "*", "+", "?", "*?", "{2}", "{1,}", "{0,3}",
                                            "{3,5}?", "{0,40}"};
  for (const auto& atom : atoms) {
    for (const auto& repeat : repeats) {
      CheckBounds(atom + repeat);
      CheckBounds("(?:x" + atom + repeat + "|y)+z" + atom);
      CheckBounds("(?:(?:" + atom + repeat + "){0,3}){2,4}");
    }
  }
}

TEST_CASE("ProgramSizeBound holds for every pattern of the seed bank, and lets nearly all skip the compile") {
  rubric::Status status;
  const auto bank = rubric::LoadBank(SEED_BANK_DIR, &status, rubric::PatternCheck::kWhenScored);
  REQUIRE(bank);
  int patterns = 0, below_limit = 0;
  auto check = [&](const std::vector<std::string>& list) {
    for (const auto& pattern : list) {
      ++patterns;
      CheckBounds(pattern);
      if (const auto bound = ProgramSizeBound(pattern); bound && *bound <= 5000) ++below_limit;
    }
  };
  for (const auto& q : bank->questions) {
    for (const auto& c : q.rubric.concepts) check(c.patterns);
    for (const auto& f : q.rubric.red_flags) check(f.patterns);
    for (const auto& w : q.rubric.wrong_conclusions) check(w.patterns);
  }
  CHECK(patterns > 4000);
  CHECK(below_limit == patterns);
}

TEST_CASE("ProgramSizeBound leaves to the compile what it does not read, and bounds large repeats high") {
  struct Case {
    std::string pattern;
    bool bounded;
  };
  const std::vector<Case> cases = {
      {"\\x4", false},     {"\\Qa.b\\E", false}, {"\\C", false},  {"\\8", false},
      {"(?=x)", false},     {"a**", false},       {"(open", false}, {"close)", false},
      {"[open", false},     {"a{1001}", false},   {"a{,3}", true},  {"a{x}", true},
  };
  for (const auto& c : cases) {
    CAPTURE(c.pattern);
    CHECK(ProgramSizeBound(c.pattern).has_value() == c.bounded);
  }
  CHECK(*ProgramSizeBound("a.{0,1000}b") > 5000);
  CHECK_FALSE(ProgramSizeBound(std::string(100000, '(') + std::string(100000, ')')).has_value());
}
