#include "core/coach.h"

#include <algorithm>
#include <set>

#include "core/format.h"

namespace bot {
namespace {

// The first evidence of a step quoted from the first answer (the follow-up's is said separately).
const rubric::Evidence* FirstQuote(const rubric::StepResult& step) {
  for (const auto& e : step.evidence) {
    if (e.source == "answer" && !e.quote.empty()) return &e;
  }
  for (const auto& e : step.evidence) {
    if (!e.quote.empty()) return &e;
  }
  return nullptr;
}

const rubric::StepResult* StepOf(const rubric::Result& r, const std::string& id) {
  for (const auto& s : r.steps) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

// The cap line that bound the score (the lowest, when several did), or null.
const rubric::ScorePart* BindingCap(const rubric::Result& r) {
  const rubric::ScorePart* cap = nullptr;
  for (const auto& p : r.breakdown) {
    if (p.kind == "cap" && (!cap || p.points < cap->points)) cap = &p;
  }
  return cap;
}

// The points the breakdown lines `taken` selects took off the score.
template <typename Taken>
double PointsTaken(const rubric::Result& r, Taken taken) {
  double cost = 0;
  for (const auto& p : r.breakdown) {
    if (taken(p)) cost -= p.points;
  }
  return cost;
}

// What shortness took off a too-short answer: the length line, and the too-short cap when it bound.
double ShortnessCost(const rubric::Result& r) {
  return PointsTaken(r, [](const rubric::ScorePart& p) {
    return p.kind == "length" || (p.kind == "cap" && p.id == "too-short");
  });
}

std::string ShortSentence(const rubric::Result& r) {
  return "Say more: at " + std::to_string(r.words) + " words the answer is too short, and its " +
         "length alone cost " + Fixed1(ShortnessCost(r)) +
         " points; walk through each step of the framework in full sentences.";
}

std::string CapSentence(const rubric::Result& r, const rubric::ScorePart& cap) {
  const std::string amount = Fixed1(-cap.points);
  if (cap.id == "hint-used") {
    return "Try it without the hint next time: using one capped this answer at " +
           Fixed1(r.score) + ", which cost " + amount + " points.";
  }
  std::string message;
  for (const auto& f : r.flag_details) {
    if (f.flag == cap.id) message = f.message;
  }
  return "Fix what capped the score (" + cap.id + ", -" + amount + " points)" +
         (message.empty() ? "." : ": " + message);
}

// What the focus line took off a long answer whose points are buried (0 when it took nothing).
double FocusCost(const rubric::Result& r) {
  return PointsTaken(r, [](const rubric::ScorePart& p) { return p.kind == "focus"; });
}

std::string FocusSentence(const rubric::Result& r) {
  return "Tighten it: at " + std::to_string(r.words) + " words your points are buried, which cost " +
         Fixed1(FocusCost(r)) + " points; lead with your diagnosis and plan, and cut the digressions.";
}

std::string GapSentence(const rubric::Result& r, const rubric::Gap& gap) {
  const std::string lost = "worth up to " + Fixed1(gap.points_lost) + " points";
  const std::string hint = gap.hint.empty() ? "" : " " + gap.hint;
  if (gap.kind == "step") {
    const rubric::StepResult* step = StepOf(r, gap.id);
    const rubric::Evidence* e = step ? FirstQuote(*step) : nullptr;
    if (e) {
      return "Take " + gap.name + " further (" + lost + "): you started with \"" +
             ShortQuote(e->quote) + "\", but stopped there." + hint;
    }
    return "Add " + gap.name + " (" + lost + "): nothing in your answer covers it yet." + hint;
  }
  return "Add " + gap.name + " (" + lost + ")." + hint;
}

}  // namespace

std::string ShortQuote(const std::string& quote, size_t max_chars) {
  std::string q;
  for (char c : quote) q += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  if (q.size() <= max_chars) return q;
  size_t cut = q.rfind(' ', max_chars);
  if (cut == std::string::npos || cut < max_chars / 2) {
    cut = max_chars;
    // Never split a UTF-8 character.
    while (cut > 0 && (static_cast<unsigned char>(q[cut]) & 0xC0) == 0x80) --cut;
  }
  return q.substr(0, cut) + "...";
}

CoachSummary Summarise(const rubric::Result& r) {
  CoachSummary out;
  // Strengths: the best-covered steps, each with the candidate's own words.
  std::vector<const rubric::StepResult*> steps;
  for (const auto& s : r.steps) {
    if (s.coverage > 0 && FirstQuote(s)) steps.push_back(&s);
  }
  std::stable_sort(steps.begin(), steps.end(), [](const auto* a, const auto* b) {
    return a->coverage > b->coverage;
  });
  for (const auto* s : steps) {
    if (out.strengths.size() == 2) break;
    const rubric::Evidence& e = *FirstQuote(*s);
    out.strengths.push_back(std::string(s->status == "covered" ? "You covered " : "You began on ") +
                            s->name + " when you wrote \"" + ShortQuote(e.quote) + "\" (" +
                            e.concept_name + ").");
  }
  // Then the rubric's depth strengths, which have no quote of their own.
  for (const auto& s : r.strengths) {
    if (out.strengths.size() == 2) break;
    if (s.find(": ") == std::string::npos) out.strengths.push_back(s + ", which the rubric credits.");
  }
  // Fixes: what held the score down first (a cap, shortness), then the gaps that cost most.
  const rubric::ScorePart* cap = BindingCap(r);
  if (cap && cap->id != "too-short") out.fixes.push_back(CapSentence(r, *cap));
  const bool too_short = std::find(r.flags.begin(), r.flags.end(), "too-short") != r.flags.end();
  if (too_short && ShortnessCost(r) > 0) out.fixes.push_back(ShortSentence(r));
  if (FocusCost(r) > 0) out.fixes.push_back(FocusSentence(r));
  for (const auto& g : r.gaps) {
    if (out.fixes.size() >= 2) break;
    if (g.points_lost > 0) out.fixes.push_back(GapSentence(r, g));
  }
  return out;
}

nlohmann::json DistinctStrengths(const rubric::Result& r) {
  nlohmann::json out = nlohmann::json::array();
  std::set<std::string> named;
  for (const auto& s : r.steps) {
    if (s.status != "covered") continue;
    nlohmann::json concepts = nlohmann::json::array();
    for (const auto& e : s.evidence) {
      if (named.insert(e.concept_name).second) concepts.push_back(e.concept_name);
    }
    out.push_back({{"step", s.name}, {"concepts", concepts}});
  }
  for (const auto& s : r.strengths) {
    if (s.find(": ") == std::string::npos) {
      out.push_back({{"step", s}, {"concepts", nlohmann::json::array()}});
    }
  }
  return out;
}

nlohmann::json CoachJson(const rubric::Result& r) {
  const CoachSummary summary = Summarise(r);
  return {{"strengths", summary.strengths},
          {"fixes", summary.fixes},
          {"rubric_strengths", DistinctStrengths(r)}};
}

}  // namespace bot
