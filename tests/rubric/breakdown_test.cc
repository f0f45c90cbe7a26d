#include "breakdown.h"

#include <doctest/doctest.h>

#include "test_util.h"

using rubric::ScorePart;
using rubric::internal::ComposeScore;
using rubric::internal::Defence;
using rubric::internal::ScoreInputs;

namespace doctest {
template <>
struct StringMaker<ScorePart> {
  static String convert(const ScorePart& p) {
    return ("{" + p.kind + " " + p.id + " " + std::to_string(p.points) + "}").c_str();
  }
};
}  // namespace doctest

namespace {

rubric::Question TwoSteps() {
  rubric::Question q;
  q.steps = {{"cause", "Cause", "", "", "", {}}, {"fix", "Fix", "", "", "", {}}};
  return q;
}

ScoreInputs Inputs(double cause, double fix, double depth, double length) {
  ScoreInputs in;
  in.step_coverage = {cause, fix};
  in.content = (cause + fix) / 2;  // exponent 1 keeps the expected figures readable
  in.coverage_weight = 0.8;
  in.attempt = 1.0;
  in.depth = depth;
  in.depth_gate = 1.0;
  in.length = length;
  return in;
}

double Sum(const std::vector<ScorePart>& parts) {
  double s = 0;
  for (const auto& p : parts) s += p.points;
  return std::round(s * 10) / 10;
}

}  // namespace

// Each case: the whole breakdown, and that it adds up to the score.
TEST_CASE("ComposeScore: the breakdown's lines add up to the score, cap and penalty included") {
  const rubric::Question q = TwoSteps();
  struct Case {
    std::string name;
    ScoreInputs in;
    std::vector<Defence> defences;
    double score;
    std::vector<ScorePart> parts;
  };
  const Defence too_short{{"too-short", "", ""}, 2.5, 0, ""};
  const Defence red_flag{{"red-flag", "Restart: ...", ""}, 10.0, 1.5, "Restart"};
  const std::vector<Case> cases = {
      // 1 + 3.4 + 0.85 = 5.25, shown as 5.3: what rounding the lines lost goes to the largest.
      {"half covered", Inputs(1.0, 0.0, 0.5, 1.0), {}, 5.3,
       {{"attempt", "", "An on-topic attempt", 1.0},
        {"step", "cause", "Cause", 3.5},
        {"depth", "", "Depth: numbers, trade-offs, risks, verification", 0.8}}},
      // 9.5 before easing: above 8.5 the score rises at half speed.
      {"full, eased at the top", Inputs(1.0, 1.0, 1.0, 1.0), {}, 9.0,
       {{"attempt", "", "An on-topic attempt", 1.0},
        {"step", "cause", "Cause", 3.4},
        {"step", "fix", "Fix", 3.4},
        {"depth", "", "Depth: numbers, trade-offs, risks, verification", 1.7},
        {"ceiling", "", "The top of the scale is kept for the exceptional", -0.5}}},
      {"short and capped", Inputs(1.0, 0.0, 0.0, 0.8), {too_short}, 2.5,
       {{"attempt", "", "An on-topic attempt", 1.0},
        {"step", "cause", "Cause", 3.4},
        {"length", "", "Length: a short answer covers less", -0.9},
        {"cap", "too-short", "Capped: too-short", -1.0}}},
      {"a red flag's penalty", Inputs(1.0, 0.0, 0.0, 1.0), {red_flag}, 2.9,
       {{"attempt", "", "An on-topic attempt", 1.0},
        {"step", "cause", "Cause", 3.4},
        {"penalty", "red-flag", "Red flag: Restart", -1.5}}},
      {"never below 0", Inputs(0.0, 0.0, 0.0, 0.5), {red_flag}, 0.0,
       {{"attempt", "", "An on-topic attempt", 1.0},
        {"length", "", "Length: a short answer covers less", -0.5},
        {"penalty", "red-flag", "Red flag: Restart", -1.5},
        {"floor", "", "A score is never below 0", 1.0}}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    rubric::Result r;
    ComposeScore(q, c.in, c.defences, false, &r);
    CHECK(r.score == doctest::Approx(c.score));
    CHECK(r.breakdown == c.parts);
    CHECK(Sum(r.breakdown) == doctest::Approx(r.score));
  }
}

TEST_CASE("ComposeScore: a declined answer scores 0 with no lines") {
  rubric::Result r;
  ComposeScore(TwoSteps(), Inputs(1, 1, 1, 1), {}, true, &r);
  CHECK(r.score == 0);
  CHECK(r.band == "poor");
  CHECK(r.breakdown.empty());
}

TEST_CASE("ApplyCeiling caps score and band and keeps the breakdown adding up") {
  rubric::Result r;
  ComposeScore(TwoSteps(), Inputs(1.0, 1.0, 1.0, 1.0), {}, false, &r);
  rubric::ApplyCeiling(7.0, "hint-used", "A hint was used.", &r);
  CHECK(r.score == 7.0);
  CHECK(r.band == "strong");
  CHECK(r.flags == std::vector<std::string>{"hint-used"});
  CHECK(r.breakdown.back() == ScorePart{"cap", "hint-used", "Capped: hint-used", -2.0});
  CHECK(Sum(r.breakdown) == doctest::Approx(7.0));
  rubric::ApplyCeiling(8.0, "other", "", &r);  // already under it: nothing changes
  CHECK(r.score == 7.0);
  CHECK(r.flags.size() == 1);
}
