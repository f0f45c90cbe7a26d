#include "concrete.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using rubric::internal::ConcreteKinds;
using rubric::internal::FindConcrete;

TEST_CASE("FindConcrete finds each kind of concrete detail, told in figures or in words") {
  struct Case {
    std::string kind, sentence, found;  // found: the matched words, "" when none
  };
  const std::vector<Case> cases = {
      {"team", "we were a team of six on the checkout", "team of six"},
      {"team", "five of us owned it", "five of us"},
      {"team", "12 engineers across two squads", "12 engineers"},
      {"team", "the team shipped it", ""},
      {"money", "it cost us $40,000 in refunds", "$4"},
      {"money", "about 2 million dollars a year", "2 million dollars"},
      {"money", "the bill went up", ""},
      {"durations", "it slipped by three months", "three months"},
      {"durations", "we lost a week", "a week"},
      {"durations", "we moved fast", ""},
      {"dates", "back in 2019 we chose kafka", "2019"},
      {"dates", "last year the pager went off", "last year"},
      {"dates", "at some point we chose kafka", ""},
      {"quantities", "latency went from 200ms to 2 seconds", "200ms"},
      {"quantities", "nothing measured", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.kind);
    CAPTURE(c.sentence);
    size_t b = 0, e = 0;
    const bool found = FindConcrete(c.kind, c.sentence, &b, &e);
    CHECK(found == !c.found.empty());
    if (found) CHECK(c.sentence.substr(b, e - b) == c.found);
  }
}

TEST_CASE("Every concrete kind the loader accepts has a detector; unknown kinds find nothing") {
  CHECK(ConcreteKinds() == std::vector<std::string>{"quantities", "team", "money", "durations", "dates"});
  size_t b = 0, e = 0;
  CHECK_FALSE(FindConcrete("colours", "red and 40 blue", &b, &e));
}
