#include "core/format.h"

#include <cmath>
#include <cstdio>

namespace bot {
namespace {

std::string Bar(double fraction) {
  const int filled = static_cast<int>(std::lround(fraction * 10));
  return std::string(filled, '#') + std::string(10 - filled, '.');
}

std::string Fixed(double x, int decimals) {
  char buf[32];
  snprintf(buf, sizeof buf, "%.*f", decimals, x);
  return buf;
}

}  // namespace

std::string FormatResult(const rubric::Question& q, const rubric::Result& r) {
  std::string s = "Question " + std::to_string(q.number) + ": " + q.title + "\n";
  s += "Score: " + Fixed(r.score, 1) + "/10 (" + r.band + "), " + std::to_string(r.words) +
       " words, rubric " + r.rubric_version + "\n\n";
  s += "Framework: " + q.framework_name + "\n";
  for (const auto& step : r.steps) {
    std::string status = "[" + step.status + "]";
    status.resize(10, ' ');
    s += "  " + status + " " + Bar(step.coverage) + " " + step.name + "\n";
    for (const auto& ev : step.evidence) {
      s += "             \"" + ev.quote + "\" (" + ev.concept_name +
           (ev.source == "follow_up" ? ", follow-up" : "") + ")\n";
    }
  }
  if (!r.strengths.empty()) {
    s += "\nStrengths:\n";
    for (const auto& st : r.strengths) s += "  + " + st + "\n";
  }
  if (!r.gaps.empty()) {
    s += "\nGaps (points lost):\n";
    for (const auto& g : r.gaps) {
      s += "  - " + g.name + " (-" + Fixed(g.points_lost, 1) + "): " + g.hint + "\n";
    }
    if (!r.gaps.front().probe.empty()) s += "\nFollow-up: " + r.gaps.front().probe + "\n";
  }
  if (!r.flag_details.empty()) {
    s += "\nFlags:\n";
    for (const auto& f : r.flag_details) {
      s += "  ! " + f.flag + ": " + f.message + (f.quote.empty() ? "" : " (\"" + f.quote + "\")") +
           "\n";
    }
  }
  return s;
}

std::string Fixed1(double score) {
  char buf[32];
  snprintf(buf, sizeof buf, "%.1f", score);
  return buf;
}

}  // namespace bot
