#include "authoring/accepted_answers.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "short_bank.h"

namespace {

// A short-answer bank of two questions; "queue" has one accepted answer already.
struct QueueBank : ShortBank {
  QueueBank()
      : ShortBank({{"queue", "What is a queue?", "A list where the first element in is the first out."},
                   {"stack", "What is a stack?", "A list where the last element in is the first out."}},
                  {{"queue", {"Elements leave in the order they arrived."}}}) {}
  double Score(const std::string& answer) const { return ShortBank::Score("queue", answer).score; }
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
