// Any bytes as a question file: ParseQuestion must return the question or problems, never crash.
// A question it accepts must then compile into a scorer (or fail with a Status) in a bank of either
// answer style, score its own model answer and its accepted answers, and survive a round trip
// through ToJson.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "rubric/bank.h"
#include "rubric/scorer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<rubric::Problem> problems;
  auto question = rubric::ParseQuestion(text, "fuzz.json", &problems);
  if (!question) {
    if (problems.empty()) std::abort();  // a refusal must say why
    return 0;
  }
  if (!problems.empty()) std::abort();  // never a question and problems at once
  for (const auto style : {rubric::AnswerStyle::kInterview, rubric::AnswerStyle::kShort}) {
    rubric::Bank bank;
    bank.answer_style = style;
    bank.questions.push_back(*question);
    rubric::Status status;
    auto scorer = rubric::Scorer::Compile(bank, &status);
    if (!scorer) {
      if (status.ok()) std::abort();
      return 0;
    }
    rubric::Result result;
    scorer->Score(question->id, question->model_answer, &result);
    for (const auto& accepted : question->accepted_answers) scorer->Score(question->id, accepted, &result);
  }
  std::vector<rubric::Problem> again;
  if (!rubric::ParseQuestion(rubric::ToJson(*question).dump(), "fuzz.json", &again)) std::abort();
  return 0;
}
