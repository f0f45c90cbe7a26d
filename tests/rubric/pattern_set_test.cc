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

TEST_CASE("PatternSet rejects patterns RE2 cannot compile, with RE2's reason") {
  PatternSet set;
  std::string error;
  CHECK(set.Add("(unclosed", &error) == -1);
  CHECK(error == "missing ): (unclosed");
  CHECK(set.Add("(?=lookahead)", &error) == -1);
  CHECK(error == "invalid perl operator: (?=");
  CHECK(set.Add("((((a{0,100}){0,100}){0,100}){0,100})", &error) == -1);
  CHECK(error == "invalid repetition size: {0,100}");
  CHECK(set.Add("a.{0,1000}b.{0,1000}c.{0,1000}d", &error) == -1);
  CHECK(error ==
        "pattern is too large once compiled (9008 instructions, limit 5000); use smaller "
        "repetition counts");
}
