#include "coverage.h"

#include <algorithm>

#include "derive_words.h"

namespace rubric::internal {

std::vector<double> StepCoverage(const CompiledBank& cb, int qi, const std::vector<double>& credit) {
  const Question& q = cb.bank->questions[qi];
  const QuestionTables& t = cb.Table(qi);
  std::vector<double> got(q.steps.size(), 0.0);
  for (size_t ci = 0; ci < credit.size(); ++ci) {
    for (int si : t.concept_steps[ci]) got[si] += credit[ci] * q.rubric.concepts[ci].weight;
  }
  for (size_t si = 0; si < got.size(); ++si) got[si] = std::min(1.0, got[si] / t.step_need[si]);
  return got;
}

double Mean(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return v.empty() ? 0 : s / v.size();
}

double Overall(const std::vector<double>& by_step, double best_step_share) {
  if (by_step.empty()) return 0;
  const double best = *std::max_element(by_step.begin(), by_step.end());
  return (1 - best_step_share) * Mean(by_step) + best_step_share * best;
}

std::vector<double> TopicFromHits(const CompiledBank& cb, const Analysis& a,
                                  const std::vector<std::vector<int>>& hits,
                                  const std::vector<PatternOwner>& owners, int only) {
  const size_t n = cb.bank->questions.size();
  std::vector<std::vector<double>> credit(n);
  std::vector<bool> touched(n, false);
  for (size_t si = 0; si < a.sentences.size(); ++si) {
    if (!a.Says(si)) continue;
    for (int p : hits[si]) {
      const PatternOwner& o = owners[p];
      if (o.kind != PatternOwner::kConcept || (only >= 0 && o.question != only)) continue;
      if (credit[o.question].empty()) {
        credit[o.question].assign(cb.bank->questions[o.question].rubric.concepts.size(), 0.0);
      }
      credit[o.question][o.item] = 1.0;
      touched[o.question] = true;
    }
  }
  std::vector<double> coverage(n, 0.0);
  for (size_t qi = 0; qi < n; ++qi) {
    if (touched[qi]) coverage[qi] = Mean(StepCoverage(cb, static_cast<int>(qi), credit[qi]));
  }
  return coverage;
}

std::vector<std::string> StatementStems(const Analysis& a) {
  std::vector<std::string> stems;
  for (size_t si = 0; si < a.sentences.size(); ++si) {
    if (!a.Says(si)) continue;
    for (auto& stem : ContentStems(std::string(a.SentenceText(si)))) stems.push_back(std::move(stem));
  }
  return stems;
}

double TopicWordFit(const CompiledBank& cb, const std::vector<std::string>& stems, int question) {
  const auto& topic = cb.OffTopic().topic_stems[question];
  double fit = 0;
  for (const auto& stem : stems) {
    if (auto it = topic.find(stem); it != topic.end()) fit += it->second;
  }
  return fit;
}

std::vector<double> TopicCoverage(const CompiledBank& cb, const Analysis& a, int asked,
                                  double asked_coverage, const std::vector<bool>& candidates) {
  std::vector<double> coverage(cb.bank->questions.size(), 0.0);
  coverage[asked] = asked_coverage;
  for (size_t qi = 0; qi < coverage.size(); ++qi) {
    const int q = static_cast<int>(qi);
    if (q == asked || !candidates[qi]) continue;
    Status status;
    const QuestionTables& t = cb.Tables(q, &status);
    if (!status.ok()) continue;  // reported when that question is scored; it fits nothing here
    coverage[qi] = TopicFromHits(cb, a, MatchSentences(a, t.patterns), t.owners, q)[qi];
  }
  return coverage;
}

}  // namespace rubric::internal
