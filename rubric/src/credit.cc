#include "credit.h"

#include <algorithm>

#include "answer_checks.h"
#include "concrete.h"
#include "negation.h"
#include "params.h"
#include "stance.h"

namespace rubric::internal {
namespace {

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

// What can reject a mention in sentence `si`, computed once per sentence on first need.
class SentenceStance {
 public:
  SentenceStance(const Analysis& a, size_t si) : a_(a), si_(si) {}

  bool Rejects(size_t b, size_t e) {
    if (may_reject_ < 0) may_reject_ = MayReject(a_.SentenceText(si_));
    if (dismissed_by_neighbour_ < 0) {
      // Judged by its neighbours too: "Sagas? Overkill.", "We don't need X. Same with Y."
      dismissed_by_neighbour_ =
          (si_ + 1 < a_.sentences.size() && DismissesPrevious(a_.SentenceText(si_ + 1))) ||
          (si_ > 0 && SameAsPrevious(a_.SentenceText(si_)) && MayReject(a_.SentenceText(si_ - 1)));
    }
    return dismissed_by_neighbour_ || (may_reject_ && RejectsMention(a_.SentenceText(si_), b, e));
  }

 private:
  const Analysis& a_;
  size_t si_;
  int may_reject_ = -1, dismissed_by_neighbour_ = -1;
};

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

}  // namespace

std::string QuoteText(const Analysis& a, size_t sentence, size_t b, size_t e, Evidence* ev) {
  size_t ob, oe;
  a.Quote(sentence, b, e, &ob, &oe);
  if (ev) ev->start = ob, ev->end = oe;
  return a.text.substr(ob, oe - ob);
}

DepthCounts CreditText(const CompiledBank& cb, int qi, const Analysis& a,
                const std::vector<std::vector<int>>& hits, const char* source, double rate,
                Credits* credits) {
  const Question& q = cb.bank->questions[qi];
  const QuestionTables& t = cb.Table(qi);
  const bool fragments = Style(*cb.bank).fragments_count;
  auto& states = credits->concepts;
  states.resize(q.rubric.concepts.size());
  std::vector<bool> flagged(q.rubric.red_flags.size(), false);
  std::vector<bool> proposed(q.rubric.wrong_conclusions.size(), false);
  for (const auto& h : credits->red_flags) flagged[h.item] = true;
  for (const auto& h : credits->wrong_conclusions) proposed[h.item] = true;
  for (size_t si = 0; si < a.sentences.size(); ++si) {
    const std::string_view text = a.SentenceText(si);
    SentenceStance stance(a, si);
    int echo = -1;  // computed on first need
    for (int p : hits[si]) {
      const PatternOwner& owner = t.owners[p];
      if (owner.kind == PatternOwner::kDepth) continue;
      // Nothing more to learn from a concept already credited, or a flag already raised.
      const bool red_flag = owner.kind == PatternOwner::kRedFlag;
      const bool wrong_conclusion = owner.kind == PatternOwner::kWrongConclusion;
      if (red_flag ? flagged[owner.item]
          : wrong_conclusion ? proposed[owner.item]
                             : states[owner.item].credit >= rate) {
        continue;
      }
      size_t b = 0, e = 0;
      if (!t.patterns.Find(p, text, &b, &e)) continue;
      const bool negated = stance.Rejects(b, e) &&
                           (red_flag || wrong_conclusion || !t.NegatedInModel(owner.item));
      if (red_flag || wrong_conclusion) {
        if (a.Says(si, fragments) && !negated && !InConditionalClause(text, b)) {
          (red_flag ? flagged : proposed)[owner.item] = true;
          (red_flag ? credits->red_flags : credits->wrong_conclusions)
              .push_back({owner.item, QuoteText(a, si, b, e, nullptr)});
        }
        continue;
      }
      ConceptState& st = states[owner.item];
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
    const double meaning_rate = rate * Params::kMeaningRate;
    for (const auto& m : t.meanings->Find(text)) {
      ConceptState& st = states[m.concept_index];
      if (st.credit >= meaning_rate) continue;
      if (echo < 0) echo = EchoesQuestion(t, text);
      if (echo) break;
      if (stance.Rejects(m.begin, m.end)) continue;
      Credit(q, a, si, m.begin, m.end, source, meaning_rate, m.concept_index, &st);
    }
  }
  return CountDepthFromHits(a, hits, t.owners);
}

void AddConcreteDetail(const Question& q, const QuestionTables& t, const Analysis& a,
                       std::vector<double>* coverage, std::vector<std::vector<Evidence>>* evidence) {
  for (size_t si = 0; si < q.steps.size(); ++si) {
    double got = 0;
    for (const auto& kind : q.steps[si].concrete) {
      for (size_t k = 0; k < a.sentences.size(); ++k) {
        size_t b = 0, e = 0;
        if (!a.Says(k) || !FindConcrete(kind, a.SentenceText(k), &b, &e)) continue;
        got += Params::kConcreteWeight;
        Evidence ev;
        ev.concept_id = "concrete-" + kind;
        ev.concept_name = "Concrete detail: " + kind;
        ev.quote = QuoteText(a, k, b, e, &ev);
        (*evidence)[si].push_back(std::move(ev));
        break;
      }
    }
    (*coverage)[si] = std::min(1.0, (*coverage)[si] + got / t.step_need[si]);
  }
}

}  // namespace rubric::internal
