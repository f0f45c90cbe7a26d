#include "evaluate.h"

#include <algorithm>
#include <cmath>

#include "answer_checks.h"
#include "coverage.h"
#include "depth.h"
#include "feedback.h"
#include "negation.h"
#include "stance.h"
#include "params.h"

namespace rubric::internal {
namespace {

struct ConceptState {
  double credit = 0;
  bool in_answer = false;  // credited in the answer itself, not only in the follow-up
  bool negated = false, listed = false;
  std::vector<Evidence> evidence;
  std::string negated_quote;
};

struct FlagHit {
  int flag;
  std::string quote;
};

std::string QuoteText(const Analysis& a, size_t sentence, size_t b, size_t e, Evidence* ev) {
  size_t ob, oe;
  a.Quote(sentence, b, e, &ob, &oe);
  if (ev) ev->start = ob, ev->end = oe;
  return a.text.substr(ob, oe - ob);
}

// Credits the question's concepts from one analysed text at `rate`; `hits` are the matches of the
// question's own PatternSet.
void Credit(const Question& q, const Analysis& a, size_t si, size_t b, size_t e, const char* source,
            double rate, int concept_index, ConceptState* st) {
  st->credit = rate;
  st->in_answer |= std::string_view(source) == "answer";
  Evidence ev;
  ev.concept_id = q.rubric.concepts[concept_index].id;
  ev.concept_name = q.rubric.concepts[concept_index].name;
  ev.quote = QuoteText(a, si, b, e, &ev);
  ev.source = source;
  st->evidence.push_back(std::move(ev));
}

// Red flags raised and wrong conclusions proposed go to `flags` and `wrong`.
void Collect(const CompiledBank& cb, int qi, const Analysis& a,
             const std::vector<std::vector<int>>& hits, const char* source, double rate,
             std::vector<ConceptState>* states, std::vector<FlagHit>* flags,
             std::vector<FlagHit>* wrong) {
  const Question& q = cb.bank->questions[qi];
  const QuestionTables& t = *cb.tables[qi];
  const bool fragments = Style(*cb.bank).fragments_count;
  std::vector<bool> flagged(q.rubric.red_flags.size(), false);
  std::vector<bool> proposed(q.rubric.wrong_conclusions.size(), false);
  for (size_t si = 0; si < a.sentences.size(); ++si) {
    const std::string_view text = a.SentenceText(si);
    int echo = -1, may_reject = -1, dismissed_next = -1;  // computed on first need
    for (int p : hits[si]) {
      const PatternOwner& owner = t.owners[p];
      if (owner.kind == PatternOwner::kDepth) continue;
      // Nothing more to learn from a concept already credited, or a flag already raised.
      const bool red_flag = owner.kind == PatternOwner::kRedFlag;
      const bool wrong_conclusion = owner.kind == PatternOwner::kWrongConclusion;
      if (red_flag ? flagged[owner.item]
          : wrong_conclusion ? proposed[owner.item]
                             : (*states)[owner.item].credit >= rate) {
        continue;
      }
      size_t b = 0, e = 0;
      if (!t.patterns.Find(p, text, &b, &e)) continue;
      if (may_reject < 0) may_reject = MayReject(text);
      if (dismissed_next < 0) {
        // Judged by its neighbours too: "Sagas? Overkill.", "We don't need X. Same with Y."
        dismissed_next = (si + 1 < a.sentences.size() && DismissesPrevious(a.SentenceText(si + 1))) ||
                         (si > 0 && SameAsPrevious(text) && MayReject(a.SentenceText(si - 1)));
      }
      const bool negated = (red_flag || wrong_conclusion || !t.negated_in_model[owner.item]) &&
                           (dismissed_next || (may_reject && RejectsMention(text, b, e)));
      if (red_flag || wrong_conclusion) {
        if (a.Says(si, fragments) && !negated) {
          (red_flag ? flagged : proposed)[owner.item] = true;
          (red_flag ? flags : wrong)->push_back({owner.item, QuoteText(a, si, b, e, nullptr)});
        }
        continue;
      }
      ConceptState& st = (*states)[owner.item];
      if (a.sentences[si].list_like) {
        st.listed = true;
        continue;
      }
      if (!a.Says(si, fragments)) continue;
      if (echo < 0) echo = EchoesQuestion(t, text);
      if (echo) continue;
      if (negated) {
        st.negated = true;
        if (st.negated_quote.empty()) st.negated_quote = QuoteText(a, si, b, e, nullptr);
        continue;
      }
      Credit(q, a, si, b, e, source, rate, owner.item, &st);
    }
    // Concepts told in the candidate's own words, where no pattern credited them.
    if (!a.Says(si, fragments)) continue;
    for (const auto& m : t.meanings->Find(text)) {
      ConceptState& st = (*states)[m.concept_index];
      const double meaning_rate = rate * Params::kMeaningRate;
      if (st.credit >= meaning_rate) continue;
      if (echo < 0) echo = EchoesQuestion(t, text);
      if (echo) break;
      if (may_reject < 0) may_reject = MayReject(text);
      if (dismissed_next < 0) {
        dismissed_next = (si + 1 < a.sentences.size() && DismissesPrevious(a.SentenceText(si + 1))) ||
                         (si > 0 && SameAsPrevious(text) && MayReject(a.SentenceText(si - 1)));
      }
      if (dismissed_next || (may_reject && RejectsMention(text, m.begin, m.end))) continue;
      Credit(q, a, si, m.begin, m.end, source, meaning_rate, m.concept_index, &st);
    }
  }
}

// Depth signals in the sentences that say something (not term lists or fragments).
DepthCounts CountDepthFromHits(const Analysis& a, const std::vector<std::vector<int>>& hits,
                               const std::vector<PatternOwner>& owners) {
  DepthCounts counts;
  for (size_t si = 0; si < a.sentences.size(); ++si) {
    if (a.sentences[si].list_like || a.sentences[si].fragment) continue;
    for (int p : hits[si]) {
      if (owners[p].kind != PatternOwner::kDepth) continue;
      const auto kind = static_cast<DepthKind>(owners[p].item);
      counts[kind] += CountDepthKind(kind, a.SentenceText(si));
    }
  }
  return counts;
}

double LengthFactor(const StyleParams& style, double words) {
  return std::pow(std::min(1.0, words / style.full_length_words), Params::kLengthExponent);
}

double Round1(double x) { return std::round(std::clamp(x, 0.0, 10.0) * 10.0) / 10.0; }

}  // namespace

Result Evaluate(const CompiledBank& cb, int qi, const Analysis& answer, const Analysis* follow_up,
                double follow_up_rate) {
  const Question& q = cb.bank->questions[qi];
  Result r;
  r.question_id = q.id;
  r.rubric_version = q.rubric.version;
  r.follow_up = follow_up != nullptr;
  r.words = answer.words + (follow_up ? follow_up->words : 0);

  const bool declined = answer.words == 0 || DeclinesToAnswer(answer.norm.text);
  std::vector<ConceptState> states(q.rubric.concepts.size());
  std::vector<FlagHit> flag_hits, wrong_hits;
  const QuestionTables& tables = *cb.tables[qi];
  const auto answer_hits = MatchSentences(answer, tables.patterns);
  Collect(cb, qi, answer, answer_hits, "answer", 1.0, &states, &flag_hits, &wrong_hits);
  DepthCounts depth = CountDepthFromHits(answer, answer_hits, tables.owners);
  DepthCounts follow_up_depth;
  if (follow_up) {
    const auto follow_up_hits = MatchSentences(*follow_up, tables.patterns);
    Collect(cb, qi, *follow_up, follow_up_hits, "follow_up", follow_up_rate, &states, &flag_hits,
            &wrong_hits);
    follow_up_depth = CountDepthFromHits(*follow_up, follow_up_hits, tables.owners);
  }

  std::vector<double> credit;
  for (const auto& st : states) {
    credit.push_back(st.credit > 0 ? st.credit : st.listed ? Params::kListedRate : 0.0);
  }
  const std::vector<double> coverage_by_step = StepCoverage(cb, qi, credit);
  const StyleParams& style = Style(*cb.bank);
  const double coverage = Overall(coverage_by_step, style.best_step_share);

  double depth_score = DepthScore(depth);
  if (follow_up) {
    DepthCounts combined = depth;
    combined.Add(follow_up_depth);
    depth_score += follow_up_rate * std::max(0.0, DepthScore(combined) - depth_score);
    depth = combined;
  }
  const double depth_gate = std::min(1.0, coverage / Params::kDepthNeedsCoverage);
  const double effective_words = answer.words + (follow_up ? follow_up_rate * follow_up->words : 0);
  const double length = LengthFactor(style, effective_words);
  const double attempt = style.attempt * std::min(1.0, effective_words / style.attempt_words);
  const double overlap =
      tables.model_vocabulary ? tables.model_vocabulary->Overlap(answer, style.fragments_count) : 0;
  const double content = (1 - style.overlap_weight) * std::pow(coverage, style.coverage_exponent) +
                         style.overlap_weight * overlap;
  double score = (attempt + Params::kSpan * (style.coverage_weight * content +
                                             (1 - style.coverage_weight) * depth_score * depth_gate)) *
                 length;

  if (score > Params::kTopKnee) score = Params::kTopKnee + (score - Params::kTopKnee) * Params::kTopSlope;

  // Red flags, each counted once.
  std::vector<bool> flagged(q.rubric.red_flags.size(), false);
  for (const auto& hit : flag_hits) {
    if (flagged[hit.flag]) continue;
    flagged[hit.flag] = true;
    if (std::find(r.flags.begin(), r.flags.end(), "red-flag") == r.flags.end()) {
      r.flags.push_back("red-flag");
    }
    const RedFlag& f = q.rubric.red_flags[hit.flag];
    score -= f.penalty;
    r.flag_details.push_back({"red-flag", f.name + ": " + f.feedback, hit.quote});
  }

  // Caps, from the main answer: a follow-up cannot turn a term list into an explanation.
  int credited = 0, listed = 0;
  for (const auto& st : states) {
    credited += st.credit > 0;
    listed += st.listed && st.credit == 0;
  }
  double cap = 10.0;
  const auto add_flag = [&](const std::string& flag, const std::string& message,
                            const std::string& quote, double flag_cap) {
    if (std::find(r.flags.begin(), r.flags.end(), flag) == r.flags.end()) r.flags.push_back(flag);
    r.flag_details.push_back({flag, message, quote});
    cap = std::min(cap, flag_cap);
  };
  if (declined) {
    score = 0;
  } else {
    const bool mostly_lists = answer.list_words >= Params::kSaladListWordShare * answer.words;
    const bool dense = credited >= 3 && answer.words < tables.salad_words_per_concept * credited;
    if ((listed >= Params::kSaladMinListed && (listed >= credited || mostly_lists)) || dense) {
      add_flag("keyword-salad",
               "Terms are listed without saying how they apply to this scenario; a concept earns "
               "credit only where a sentence uses it.",
               "", Params::kSaladCap);
    }
    if (ScramblesModelAnswer(tables, answer, style.scrambled_min_words)) {
      add_flag("keyword-salad",
               "The answer strings the reference answer's words together in no order that says "
               "anything.",
               "", Params::kSaladCap);
    }
    int statements = 0, denials = 0;
    for (size_t si = 0; si < answer.sentences.size(); ++si) {
      if (!answer.Says(si, style.fragments_count)) continue;
      ++statements;
      denials += OpensWithNegation(answer.SentenceText(si));
    }
    if (denials >= Params::kDenialMinSentences && denials >= Params::kDenialShare * statements) {
      add_flag("denial",
               std::to_string(denials) + " of the answer's " + std::to_string(statements) +
                   " statements open with a negation: an answer that denies what it mentions "
                   "earns no credit for it.",
               "", Params::kDenialCap);
    }
    // Another question can only fit far better when this one's topic coverage is low, so the
    // bank-wide match runs only then.
    const double own_topic = TopicFromHits(cb, answer, answer_hits, tables.owners, qi)[qi];
    const std::vector<double> topic = style.off_topic && own_topic < Params::kOffTopicRatio
                                          ? TopicCoverage(cb, answer)
                                          : std::vector<double>();
    int best = qi;
    for (size_t k = 0; k < topic.size(); ++k) {
      if (topic[k] > topic[best]) best = static_cast<int>(k);
    }
    // The concepts of another question fit far better, and so do the answer's words: an answer
    // told in its own words about this scenario shares this question's vocabulary.
    if (best != qi && topic[best] >= Params::kOffTopicMinOther &&
        topic[qi] < Params::kOffTopicRatio * topic[best] &&
        TopicWordFit(cb, answer, best) > TopicWordFit(cb, answer, qi)) {
      r.off_topic_match = cb.bank->questions[best].id;
      add_flag("off-topic",
               "This answer fits another question (\"" + cb.bank->questions[best].title +
                   "\") far better than this one.",
               "", Params::kOffTopicCap);
    }
    if (answer.words < style.too_short_words) {
      const double short_cap = Params::kShortBase + Params::kShortPerWord * answer.words;
      add_flag("too-short",
               "The answer has " + std::to_string(answer.words) +
                   " words; a senior answer to this question needs the reasoning behind each step.",
               "", short_cap);
    }
  }
  // A wrong conclusion proposed, in the answer or its follow-up, caps whatever else it names.
  for (const auto& hit : wrong_hits) {
    const WrongConclusion& w = q.rubric.wrong_conclusions[hit.flag];
    add_flag("wrong-conclusion", w.name + ": " + w.feedback, hit.quote,
             Params::kWrongConclusionCap);
  }
  double rejected_weight = 0, credited_weight = 0;
  std::vector<std::string> rejected_names;
  for (size_t ci = 0; ci < states.size(); ++ci) {
    const Concept& c = q.rubric.concepts[ci];
    if (states[ci].credit > 0) credited_weight += c.weight;
    if (states[ci].negated && states[ci].credit == 0) {
      rejected_weight += c.weight;
      rejected_names.push_back(c.name);
      add_flag("negated", "\"" + c.name + "\" was mentioned only to be dismissed, so it earns nothing.",
               states[ci].negated_quote, 10.0);
    }
  }
  if (!declined && rejected_weight >= Params::kDismissedMinWeight &&
      rejected_weight >= Params::kDismissedShare * (rejected_weight + credited_weight)) {
    std::string names;
    for (size_t i = 0; i < rejected_names.size(); ++i) {
      names += (i == 0 ? "" : i + 1 == rejected_names.size() ? " and " : "; ") + rejected_names[i];
    }
    add_flag("dismissed",
             "The answer rejects what this scenario calls for (" + names +
                 "). These are the tools a strong answer uses here; dismissing them leaves the "
                 "problem unsolved.",
             "", Params::kDismissedCap);
  }
  r.score = Round1(std::min(score, cap));
  r.band = BandFor(r.score);

  // Per-step results, concepts and competencies.
  for (size_t si = 0; si < q.steps.size(); ++si) {
    StepResult sr;
    sr.id = q.steps[si].id;
    sr.name = q.steps[si].name;
    sr.coverage = std::round(coverage_by_step[si] * 100) / 100;
    sr.status = coverage_by_step[si] >= Params::kCovered ? "covered"
                : coverage_by_step[si] > 0             ? "partial"
                                                       : "missing";
    for (size_t ci = 0; ci < states.size(); ++ci) {
      const auto& steps = tables.concept_steps[ci];
      if (std::find(steps.begin(), steps.end(), static_cast<int>(si)) == steps.end()) continue;
      for (const auto& ev : states[ci].evidence) sr.evidence.push_back(ev);
    }
    r.steps.push_back(std::move(sr));
  }
  for (size_t ci = 0; ci < states.size(); ++ci) {
    const auto& st = states[ci];
    const auto& c = q.rubric.concepts[ci];
    std::string status = st.credit > 0 && st.in_answer ? "credited"
                         : st.credit > 0              ? "follow-up"
                         : st.negated     ? "negated"
                         : st.listed      ? "listed"
                                          : "missing";
    r.concepts.push_back({c.id, c.name, status, st.credit});
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
    r.competencies.push_back(cr);
  }
  r.depth = {depth.numbers, depth.tradeoffs, depth.risks, depth.verification,
             std::round(depth_score * 100) / 100};
  FillFeedback(q, coverage_by_step, length, depth_gate, style.coverage_weight, &r);
  if (declined) {
    // Nothing to probe: asking the same question again is what `repeat` is for.
    r.gaps.insert(r.gaps.begin(), {"answer", "no-answer", "No answer", 10.0,
                                   "Answer the question: walk through " + q.framework_name + ".",
                                   ""});
  }
  return r;
}

}  // namespace rubric::internal
