#include "accepted_answers.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "rubric/derive.h"

namespace {

// A short-answer bank of two questions with derived rubrics.
struct QueueBank {
  rubric::Bank bank;
  std::unique_ptr<rubric::Scorer> scorer;
  QueueBank() {
    bank.answer_style = rubric::AnswerStyle::kShort;
    const std::vector<std::array<std::string, 3>> questions = {
        {"queue", "What is a queue?", "A list where the first element in is the first out."},
        {"stack", "What is a stack?", "A list where the last element in is the first out."}};
    for (const auto& [id, question, model_answer] : questions) {
      rubric::Question q;
      q.number = static_cast<int>(bank.questions.size()) + 1;
      q.id = q.title = id;
      q.question = question;
      q.model_answer = model_answer;
      bank.questions.push_back(q);
    }
    bank.questions[0].accepted_answers = {"Elements leave in the order they arrived."};
    rubric::DeriveRubrics(&bank);
    rubric::Status status;
    scorer = rubric::Scorer::Compile(bank, &status);
    REQUIRE(scorer);
  }
  double Score(const std::string& answer) const {
    rubric::Result r;
    REQUIRE(scorer->Score("queue", answer, &r).ok());
    return r.score;
  }
};

}  // namespace

TEST_CASE("SuggestAccepted: the best answers first, none under the floor, no repeats") {
  const QueueBank b;
  const std::string best = "The first element put in the list is the first one out.";
  const std::string good = "Elements come out of the list in the order they went in.";
  const std::string weak = "A kind of tree used in computers.";
  const std::vector<std::string> answers = {
      weak, good, "I don't know", best, good,
      "A list where the first element in is the first out.",  // the model answer
      "Elements leave in the order they arrived."};           // already accepted
  REQUIRE(b.Score(best) > b.Score(good));
  REQUIRE(b.Score(good) >= bot::kMinAcceptedScore);
  REQUIRE(b.Score(weak) < bot::kMinAcceptedScore);
  CHECK(bot::SuggestAccepted(*b.scorer, "queue", answers, 3) ==
        std::vector<bot::SuggestedAnswer>{{best, b.Score(best)}, {good, b.Score(good)}});
  CHECK(bot::SuggestAccepted(*b.scorer, "queue", answers, 1) ==
        std::vector<bot::SuggestedAnswer>{{best, b.Score(best)}});
  CHECK(bot::SuggestAccepted(*b.scorer, "nope", answers, 3).empty());
}

TEST_CASE("SuggestAccepted prefers another wording to a near-copy of an answer already picked") {
  const QueueBank b;
  const std::string best = "The first element put in the list is the first one out.";
  const std::string near_copy = "The first element put in the list is the first one taken out.";
  const std::string other = "Elements come out of the list in the order they went in.";
  REQUIRE(b.Score(near_copy) > b.Score(other));
  REQUIRE(b.Score(other) >= bot::kMinAcceptedScore);
  CHECK(bot::SuggestAccepted(*b.scorer, "queue", {near_copy, other, best}, 2) ==
        std::vector<bot::SuggestedAnswer>{{best, b.Score(best)}, {other, b.Score(other)}});
}
