// Plain-text rendering of a scored answer for the terminal. Pure function; thread-safe.
#ifndef BOT_FORMAT_H_
#define BOT_FORMAT_H_

#include <string>

#include "rubric/bank.h"
#include "rubric/result.h"

namespace bot {

std::string FormatResult(const rubric::Question& question, const rubric::Result& result);

}  // namespace bot

#endif  // BOT_FORMAT_H_
