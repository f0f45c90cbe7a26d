#include "feedback.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "params.h"

namespace rubric::internal {
namespace {

double Round2(double x) { return std::round(x * 100) / 100; }

}  // namespace

void FillFeedback(const Question& q, const std::vector<double>& coverage, double length,
                  double depth_gate, double coverage_weight, Result* r) {
  // Points lost are linearised at full coverage: the step's share of the coverage term.
  const double per_step = Params::kSpan * coverage_weight / std::max<size_t>(1, coverage.size());
  for (size_t si = 0; si < coverage.size(); ++si) {
    const Step& step = q.steps[si];
    const StepResult& sr = r->steps[si];
    if (coverage[si] >= Params::kCovered) {
      std::set<std::string> seen;
      std::string names;
      for (const auto& ev : sr.evidence) {
        if (seen.insert(ev.concept_name).second) names += (names.empty() ? "" : "; ") + ev.concept_name;
      }
      r->strengths.push_back(step.name + ": " + names);
    }
    if (coverage[si] < 1.0) {
      r->gaps.push_back({"step", step.id, step.name,
                         Round2(per_step * (1.0 - coverage[si]) * length), step.hint, step.probe});
    }
  }

  struct Kind {
    const char* id;
    const char* name;
    int count;
    double weight, full;
    const char* hint;
    const char* probe;
    const char* strength;
  };
  const Kind kinds[] = {
      {"numbers", "Numbers", r->depth.numbers, 0.4, 3,
       "Quantify: load, latency percentiles, cost per month, error rates, thresholds, timelines.",
       "Can you put numbers on that: what load, what latency target, what cost?",
       "Quantified the answer"},
      {"tradeoffs", "Trade-offs", r->depth.tradeoffs, 0.2, 3,
       "Name the trade-offs: what each option costs, what you give up, and why you accept it.",
       "What are you giving up with that choice, and why is it worth it here?",
       "Named trade-offs"},
      {"risks", "Risks and rollback", r->depth.risks, 0.2, 3,
       "Say what could go wrong and how you would limit the blast radius or roll back.",
       "What could go wrong with this plan, and how would you roll back?",
       "Considered risks and rollback"},
      {"verification", "Verification", r->depth.verification, 0.2, 3,
       "Say how you would measure or verify that it worked: metrics, tests, thresholds.",
       "How would you know it worked? What would you measure, and against what threshold?",
       "Said how to measure or verify it"},
  };
  const double depth_points = Params::kSpan * (1 - coverage_weight) * length * depth_gate;
  // Where depth earns nothing (short answers), it is neither a strength nor a gap to probe.
  const bool depth_counts = coverage_weight < 1.0;
  for (const Kind& k : kinds) {
    const double saturation = std::min(1.0, k.count / k.full);
    if (depth_counts && saturation >= 2.0 / 3) r->strengths.push_back(k.strength);
    const double lost = Round2(depth_points * k.weight * (1.0 - saturation));
    if (lost > 0) r->gaps.push_back({"depth", k.id, k.name, lost, k.hint, k.probe});
  }
  std::stable_sort(r->gaps.begin(), r->gaps.end(),
                   [](const Gap& a, const Gap& b) { return a.points_lost > b.points_lost; });
}

}  // namespace rubric::internal
