#include "depth.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace rubric::internal;

TEST_CASE("CountDepth finds quantities, trade-offs, risks and verification") {
  struct Case {
    std::string sentence;
    int numbers, tradeoffs, risks, verification;
  };
  const std::vector<Case> cases = {
      {"p95 went from 200ms to 2 seconds at 10k requests/sec", 4, 0, 0, 0},
      {"it costs $500k per month, about 3x the monolith", 2, 0, 0, 0},
      {"we have 2-3 engineers and 40% headroom", 2, 0, 0, 0},
      {"the trade-off is more complexity in exchange for isolation", 0, 3, 0, 0},
      {"if it fails we roll back behind a feature flag", 0, 0, 3, 0},
      {"we measure error rate on a dashboard and alert above the threshold", 0, 0, 0, 4},
      {"we would make it better", 0, 0, 0, 0},
      // Quantities told in words, as plain stories tell them.
      {"forty orders meant forty-one trips and three or four seconds on phones", 3, 0, 0, 0},
      {"five of us shipped it in 2019 for about \xC2\xA3" "40,000", 3, 0, 0, 0},
      {"a team of six cut it to half a second", 2, 0, 0, 0},
      {"one of the reasons was a few slow queries", 0, 0, 0, 0},
  };
  for (const auto& c : cases) {
    CAPTURE(c.sentence);
    const DepthCounts got = CountDepth(c.sentence);
    CHECK(got.numbers == c.numbers);
    CHECK(got.tradeoffs == c.tradeoffs);
    CHECK(got.risks == c.risks);
    CHECK(got.verification == c.verification);
  }
}

TEST_CASE("DepthScore saturates each kind and weighs numbers most") {
  CHECK(DepthScore({}) == doctest::Approx(0.0));
  CHECK(DepthScore({3, 3, 3, 3}) == doctest::Approx(1.0));
  CHECK(DepthScore({60, 30, 30, 30}) == doctest::Approx(1.0));
  // Three quantities make an answer quantified: numbers saturate there.
  CHECK(DepthScore({3, 0, 0, 0}) == doctest::Approx(0.4));
  CHECK(DepthScore({1, 0, 0, 0}) == doctest::Approx(0.4 / 3));
  CHECK(DepthScore({0, 3, 0, 0}) == doctest::Approx(0.2));
}
