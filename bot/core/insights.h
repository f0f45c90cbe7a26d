// Language insights of one answer: length, most-used words, hedging and filler words, and the job
// terms the rubric credited. Pure function; thread-safe.
#ifndef BOT_CORE_INSIGHTS_H_
#define BOT_CORE_INSIGHTS_H_

#include <string>

#include <nlohmann/json.hpp>

namespace bot {

// `result` is the rubric result object of the answer (for the credited concepts).
nlohmann::json Insights(const std::string& answer, const nlohmann::json& result);

}  // namespace bot

#endif  // BOT_CORE_INSIGHTS_H_
