#include "evaluate.h"

#include <algorithm>
#include <cmath>

#include "breakdown.h"
#include "caps.h"
#include "coverage.h"
#include "credit.h"
#include "feedback.h"
#include "negation.h"
#include "params.h"

namespace rubric::internal {
namespace {

double LengthFactor(const StyleParams& style, double words) {
  return std::pow(std::min(1.0, words / style.full_length_words), Params::kLengthExponent);
}

// Per-step results, concepts and competencies from the credits.
void Describe(const Question& q, const QuestionTables& t, const std::vector<double>& coverage,
              const std::vector<std::vector<Evidence>>& concrete, const Credits& credits,
              Result* r) {
  const auto& states = credits.concepts;
  for (size_t si = 0; si < q.steps.size(); ++si) {
    StepResult sr;
    sr.id = q.steps[si].id;
    sr.name = q.steps[si].name;
    sr.coverage = std::round(coverage[si] * 100) / 100;
    sr.status = coverage[si] >= Params::kCovered ? "covered" : coverage[si] > 0 ? "partial" : "missing";
    for (size_t ci = 0; ci < states.size(); ++ci) {
      const auto& steps = t.concept_steps[ci];
      if (std::find(steps.begin(), steps.end(), static_cast<int>(si)) == steps.end()) continue;
      for (const auto& ev : states[ci].evidence) sr.evidence.push_back(ev);
    }
    for (const auto& ev : concrete[si]) sr.evidence.push_back(ev);
    r->steps.push_back(std::move(sr));
  }
  for (size_t ci = 0; ci < states.size(); ++ci) {
    const auto& st = states[ci];
    const auto& c = q.rubric.concepts[ci];
    const std::string status = st.credit > 0 && st.in_answer ? "credited"
                               : st.credit > 0              ? "follow-up"
                               : st.negated                 ? "negated"
                               : st.listed                  ? "listed"
                                                            : "missing";
    r->concepts.push_back({c.id, c.name, status, st.credit});
  }
  for (const auto& comp : q.competencies) {
    CompetencyResult cr{comp.id, comp.name, 0, false};
    int got = 0;
    for (const auto& id : comp.concepts) {
      for (size_t ci = 0; ci < states.size(); ++ci) {
        if (q.rubric.concepts[ci].id == id && states[ci].credit > 0) ++got;
      }
    }
    if (!comp.concepts.empty()) cr.coverage = std::round(100.0 * got / comp.concepts.size()) / 100;
    cr.covered = cr.coverage >= 1.0 / 3;
    r->competencies.push_back(cr);
  }
}

}  // namespace

Result Evaluate(const CompiledBank& cb, int qi, const Analysis& answer, const Analysis* follow_up,
                double follow_up_rate) {
  const Question& q = cb.bank->questions[qi];
  const QuestionTables& tables = cb.Table(qi);
  const StyleParams& style = Style(*cb.bank);
  Result r;
  r.question_id = q.id;
  r.rubric_version = q.rubric.version;
  r.follow_up = follow_up != nullptr;
  r.words = answer.words + (follow_up ? follow_up->words : 0);
  const bool declined = answer.words == 0 || DeclinesToAnswer(answer.norm.text);

  // Match and credit: the answer at full rate, a follow-up at `follow_up_rate`.
  Credits credits;
  const auto answer_hits = MatchSentences(answer, tables.patterns);
  DepthCounts depth = CreditText(cb, qi, answer, answer_hits, "answer", 1.0, &credits);
  double depth_score = DepthScore(depth);
  if (follow_up) {
    DepthCounts combined = depth;
    combined.Add(CreditText(cb, qi, *follow_up, MatchSentences(*follow_up, tables.patterns),
                            "follow_up", follow_up_rate, &credits));
    depth_score += follow_up_rate * std::max(0.0, DepthScore(combined) - depth_score);
    depth = combined;
  }

  // Coverage of the framework's steps.
  std::vector<double> credit;
  for (const auto& st : credits.concepts) {
    credit.push_back(st.credit > 0 ? st.credit : st.listed ? Params::kListedRate : 0.0);
  }
  std::vector<double> coverage = StepCoverage(cb, qi, credit);
  std::vector<std::vector<Evidence>> concrete(q.steps.size());
  AddConcreteDetail(q, tables, answer, &coverage, &concrete);
  const double overall = Overall(coverage, style.best_step_share);

  // Defences, then the score and how it was built.
  const std::vector<Defence> defences =
      Defences(cb, qi, answer, answer_hits, credits, declined, &r.off_topic_match);
  for (const auto& d : defences) {
    if (std::find(r.flags.begin(), r.flags.end(), d.detail.flag) == r.flags.end()) {
      r.flags.push_back(d.detail.flag);
    }
    r.flag_details.push_back(d.detail);
  }
  const double effective_words = answer.words + (follow_up ? follow_up_rate * follow_up->words : 0);
  ScoreInputs in;
  in.step_coverage = coverage;
  const double overlap =
      tables.model_vocabulary ? tables.model_vocabulary->Overlap(answer, style.fragments_count) : 0;
  in.content = (1 - style.overlap_weight) * std::pow(overall, style.coverage_exponent) +
               style.overlap_weight * overlap;
  in.coverage_weight = style.coverage_weight;
  in.attempt = style.attempt * std::min(1.0, effective_words / style.attempt_words);
  in.depth = depth_score;
  in.depth_gate = std::min(1.0, overall / Params::kDepthNeedsCoverage);
  in.length = LengthFactor(style, effective_words);
  in.focus = FocusFactor(style, answer.words, credits, overall);
  if (in.focus < 1.0) {
    r.flags.push_back("unfocused");
    r.flag_details.push_back(UnfocusedFlag(answer.words));
  }
  ComposeScore(q, in, defences, declined, &r);

  Describe(q, tables, coverage, concrete, credits, &r);
  r.depth = {depth.numbers, depth.tradeoffs, depth.risks, depth.verification,
             std::round(depth_score * 100) / 100};
  FillFeedback(q, coverage, in.length, in.depth_gate, style.coverage_weight, &r);
  if (declined) {
    // Nothing to probe: asking the same question again is what `repeat` is for.
    r.gaps.insert(r.gaps.begin(), {"answer", "no-answer", "No answer", 10.0,
                                   "Answer the question: walk through " + q.framework_name + ".",
                                   ""});
  }
  return r;
}

}  // namespace rubric::internal
