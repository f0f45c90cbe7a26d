// The coach's summary of one scored answer: two strengths and two fixes as plain sentences that
// quote the candidate's own words (the rubric's evidence), the rubric's strengths with each concept
// named once, and the cap that bound the score, when one did. Deterministic pure functions;
// thread-safe.
#ifndef BOT_CORE_COACH_H_
#define BOT_CORE_COACH_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "rubric/result.h"

namespace bot {

struct CoachSummary {
  std::vector<std::string> strengths;  // at most two sentences
  std::vector<std::string> fixes;      // at most two sentences, the costliest first
};

CoachSummary Summarise(const rubric::Result& result);

// The rubric's strengths per covered step, each concept listed under the first step that credited
// it only: [{"step": "Mitigation", "concepts": ["Rollback", ...]}, ...]; depth strengths have no
// concepts.
nlohmann::json DistinctStrengths(const rubric::Result& result);

// {"strengths": [...], "fixes": [...], "rubric_strengths": DistinctStrengths(...)}, the score
// messages' "coach" data.
nlohmann::json CoachJson(const rubric::Result& result);

// A quote for a sentence: at most `max_chars` bytes, cut at a word boundary with "...", on one line.
std::string ShortQuote(const std::string& quote, size_t max_chars = 90);

}  // namespace bot

#endif  // BOT_CORE_COACH_H_
