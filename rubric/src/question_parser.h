// Parsing of the rubric part of a question file (see docs/content-format.md). Not thread-safe per
// reader; used only while loading a bank.
#ifndef RUBRIC_SRC_QUESTION_PARSER_H_
#define RUBRIC_SRC_QUESTION_PARSER_H_

#include <nlohmann/json.hpp>

#include "json_reader.h"
#include "rubric/bank.h"

namespace rubric::internal {

// Reads `rubric` into question->rubric, the per-step probes/hints into question->steps and the
// concept lists into question->competencies; checks every cross-reference and, when
// `check_patterns`, that every pattern compiles.
void ParseRubric(const nlohmann::json& rubric, JsonReader* reader, Question* question,
                 bool check_patterns = true);

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_QUESTION_PARSER_H_
