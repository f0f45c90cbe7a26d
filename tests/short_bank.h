// ShortBank: a `short`-style bank built in memory from (id, question, model answer) triples and
// optional accepted answers, its rubrics derived and compiled, for tests of short-answer scoring.
// Not thread-safe; a test's own value.
#ifndef TESTS_SHORT_BANK_H_
#define TESTS_SHORT_BANK_H_

#include <doctest/doctest.h>

#include <array>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "rubric/derive.h"
#include "rubric/scorer.h"

struct ShortBank {
  rubric::Bank bank;
  std::unique_ptr<rubric::Scorer> scorer;

  // `accepted`: question id -> its accepted answers.
  explicit ShortBank(const std::vector<std::array<std::string, 3>>& questions,
                     const std::map<std::string, std::vector<std::string>>& accepted = {}) {
    bank.answer_style = rubric::AnswerStyle::kShort;
    for (const auto& [id, question, model_answer] : questions) {
      rubric::Question q;
      q.number = static_cast<int>(bank.questions.size()) + 1;
      q.id = q.title = id;
      q.question = question;
      q.model_answer = model_answer;
      if (accepted.count(id)) q.accepted_answers = accepted.at(id);
      bank.questions.push_back(q);
    }
    rubric::DeriveRubrics(&bank);
    rubric::Status status;
    scorer = rubric::Scorer::Compile(bank, &status);
    REQUIRE(scorer);
  }

  rubric::Result Score(const std::string& question, const std::string& answer) const {
    rubric::Result r;
    REQUIRE(scorer->Score(question, answer, &r).ok());
    return r;
  }
};

#endif  // TESTS_SHORT_BANK_H_
