#include "pattern_set.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using rubric::internal::PatternSet;

TEST_CASE("PatternSet matches all its patterns in one pass") {
  PatternSet set;
  std::string error;
  REQUIRE(set.Add("idempoten", &error) == 0);
  REQUIRE(set.Add("\\bsagas?\\b", &error) == 1);
  REQUIRE(set.Add("n\\+1", &error) == 2);
  REQUIRE(set.Compile());

  struct Case {
    std::string text;
    std::vector<int> hits;
  };
  const std::vector<Case> cases = {
      {"add an idempotency key", {0}},
      {"Use a SAGA with an Idempotent step", {0, 1}},
      {"the n+1 problem in sagas", {1, 2}},
      {"nothing relevant", {}},
      {"", {}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    std::vector<int> hits;
    set.Match(c.text, &hits);
    CHECK(hits == c.hits);
  }
  size_t begin = 0, end = 0;
  REQUIRE(set.Find(1, "we use a saga here", &begin, &end));
  CHECK(begin == 9);
  CHECK(end == 13);
  CHECK_FALSE(set.Find(1, "no match", &begin, &end));
  CHECK(set.fallbacks() == 0);
}

TEST_CASE("PatternSet::Check rejects patterns RE2 cannot compile alone, with RE2's reason") {
  struct Case {
    std::string pattern;
    std::string error;
  };
  const std::vector<Case> cases = {
      {"(unclosed", "missing ): (unclosed"},
      {"(?=lookahead)", "invalid perl operator: (?="},
      {"((((a{0,100}){0,100}){0,100}){0,100})", "invalid repetition size: {0,100}"},
      {"a.{0,1000}b.{0,1000}c.{0,1000}d",
       "pattern is too large once compiled (9008 instructions, limit 5000); use smaller repetition "
       "counts"},
      // Small enough by their text's bound: found by the parser alone.
      {"x{2}{3}", "bad repetition operator: {2}{3}"},
      {"[z-a]", "invalid character class range: z-a"},
      {"\\pX", "invalid character class range: \\pX"},
      {"idempoten", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.pattern);
    std::string error;
    CHECK(PatternSet::Check(c.pattern, &error) == c.error.empty());
    CHECK(error == c.error);
  }
}

TEST_CASE("PatternSet::Add rejects what RE2's parser rejects; spans come from single patterns built on first use") {
  PatternSet set;
  std::string error;
  CHECK(set.Add("(unclosed", &error) == -1);
  CHECK(error == "missing ): (unclosed");
  CHECK(set.Add("(?=lookahead)", &error) == -1);
  CHECK(error == "invalid perl operator: (?=");
  CHECK(set.Add("((((a{0,100}){0,100}){0,100}){0,100})", &error) == -1);
  CHECK(error == "invalid repetition size: {0,100}");
  REQUIRE(set.Add("saga", &error) == 0);
  REQUIRE(set.Compile());
  size_t begin = 0, end = 0;
  // The single pattern is built by the first Find and reused by the next.
  for (int i = 0; i < 2; ++i) {
    REQUIRE(set.Find(0, "a saga", &begin, &end));
    CHECK(begin == 2);
    CHECK(end == 6);
  }
}
