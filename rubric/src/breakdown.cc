#include "breakdown.h"

#include <algorithm>
#include <cmath>

#include "params.h"

namespace rubric::internal {
namespace {

double Round1(double x) { return std::round(x * 10.0) / 10.0; }

// Rounds each line to one decimal, drops the lines that round to nothing, and moves what rounding
// lost onto the largest line, so that the lines add up to `total` exactly.
std::vector<ScorePart> Rounded(std::vector<ScorePart> parts, double total) {
  std::vector<ScorePart> out;
  double sum = 0;
  for (auto& p : parts) {
    p.points = Round1(p.points);
    if (p.points == 0) continue;
    sum += p.points;
    out.push_back(std::move(p));
  }
  const double residual = Round1(total - sum);
  if (residual != 0 && !out.empty()) {
    auto largest = std::max_element(out.begin(), out.end(), [](const ScorePart& a, const ScorePart& b) {
      return std::fabs(a.points) < std::fabs(b.points);
    });
    largest->points = Round1(largest->points + residual);
  }
  return out;
}

}  // namespace

void ComposeScore(const Question& q, const ScoreInputs& in, const std::vector<Defence>& defences,
                  bool declined, Result* r) {
  if (declined) {
    r->score = 0;
    r->band = BandFor(0);
    return;
  }
  std::vector<ScorePart> parts;
  parts.push_back({"attempt", "", "An on-topic attempt", in.attempt});
  const double content_points = Params::kSpan * in.coverage_weight * in.content;
  double covered = 0;
  for (double c : in.step_coverage) covered += c;
  for (size_t si = 0; si < in.step_coverage.size() && covered > 0; ++si) {
    parts.push_back({"step", q.steps[si].id, q.steps[si].name,
                     content_points * in.step_coverage[si] / covered});
  }
  const double depth_points = Params::kSpan * (1 - in.coverage_weight) * in.depth * in.depth_gate;
  parts.push_back({"depth", "", "Depth: numbers, trade-offs, risks, verification", depth_points});
  const double base = in.attempt + content_points + depth_points;
  double score = base * in.length;
  parts.push_back({"length", "", "Length: a short answer covers less", score - base});
  if (in.focus < 1.0) {
    parts.push_back({"focus", "", "Focus: points buried in a long answer", score * (in.focus - 1)});
    score *= in.focus;
  }
  if (score > Params::kTopKnee) {
    const double eased = Params::kTopKnee + (score - Params::kTopKnee) * Params::kTopSlope;
    parts.push_back({"ceiling", "", "The top of the scale is kept for the exceptional", eased - score});
    score = eased;
  }
  const Defence* binding = nullptr;
  for (const auto& d : defences) {
    if (d.penalty > 0) {
      parts.push_back({"penalty", d.detail.flag, "Red flag: " + d.name, -d.penalty});
      score -= d.penalty;
    }
    if (!binding || d.cap < binding->cap) binding = &d;
  }
  if (binding && binding->cap < score) {
    parts.push_back({"cap", binding->detail.flag, "Capped: " + binding->detail.flag,
                     binding->cap - score});
    score = binding->cap;
  }
  if (score < 0) {
    parts.push_back({"floor", "", "A score is never below 0", -score});
    score = 0;
  }
  r->score = Round1(std::min(10.0, score));
  r->band = BandFor(r->score);
  r->breakdown = Rounded(std::move(parts), r->score);
}

}  // namespace rubric::internal
