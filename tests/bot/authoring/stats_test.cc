#include "authoring/stats.h"

#include <doctest/doctest.h>

#include "test_util.h"

TEST_CASE("Pearson, Spearman and MAE on known series") {
  struct Case {
    std::vector<double> x, y;
    double pearson, spearman, mae;
  };
  const std::vector<Case> cases = {
      {{1, 2, 3, 4}, {2, 4, 6, 8}, 1.0, 1.0, 2.5},
      {{1, 2, 3, 4}, {8, 6, 4, 2}, -1.0, -1.0, 3.5},
      {{1, 2, 3, 4, 5}, {1, 4, 9, 16, 25}, 0.98110, 1.0, 8.0},
      {{1, 1, 1}, {1, 2, 3}, 0.0, 0.0, 1.0},
      {{}, {}, 0.0, 0.0, 0.0},
  };
  for (const auto& c : cases) {
    CHECK(bot::Pearson(c.x, c.y) == doctest::Approx(c.pearson).epsilon(1e-4));
    CHECK(bot::Spearman(c.x, c.y) == doctest::Approx(c.spearman).epsilon(1e-4));
    CHECK(bot::MeanAbsoluteError(c.x, c.y) == doctest::Approx(c.mae));
  }
}

TEST_CASE("Ranks share the mean rank among ties") {
  CHECK(bot::Ranks({10, 20, 20, 5}) == std::vector<double>{2, 3.5, 3.5, 1});
}
