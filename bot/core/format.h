// Plain-text rendering of scores: a scored answer for the terminal, and a score with one decimal
// as every message, report and Slack post shows it. Pure functions; thread-safe.
#ifndef BOT_CORE_FORMAT_H_
#define BOT_CORE_FORMAT_H_

#include <string>

#include "rubric/bank.h"
#include "rubric/result.h"

namespace bot {

std::string FormatResult(const rubric::Question& question, const rubric::Result& result);

// 6.4 -> "6.4": the one place a score is rounded for display.
std::string Fixed1(double score);

}  // namespace bot

#endif  // BOT_CORE_FORMAT_H_
