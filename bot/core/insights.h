// Language insights of one answer: length, most-used words, hedging and filler words, and the job
// terms the rubric credited. Pure function; thread-safe.
#ifndef BOT_CORE_INSIGHTS_H_
#define BOT_CORE_INSIGHTS_H_

#include <string>

#include <nlohmann/json.hpp>

#include "rubric/result.h"

namespace bot {

// `result` is the answer's rubric result (for the credited concepts). The API's insights object.
nlohmann::json Insights(const std::string& answer, const rubric::Result& result);

}  // namespace bot

#endif  // BOT_CORE_INSIGHTS_H_
