#include "rubric/derive.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <string>
#include <vector>

#include "rubric/bank.h"
#include "rubric/scorer.h"
#include "test_util.h"

namespace {

rubric::Question Make(int number, const std::string& id, const std::string& question,
                      const std::string& model_answer) {
  rubric::Question q;
  q.number = number;
  q.id = id;
  q.title = id;
  q.question = question;
  q.model_answer = model_answer;
  return q;
}

// Three questions sharing "data" and "structure": specificity must tell them apart.
rubric::Bank ThreeQuestions() {
  rubric::Bank bank;
  bank.questions = {
      Make(1, "queue", "What is a queue?",
           "A data structure that removes elements in first in first out order. Enqueue adds at "
           "the rear and dequeue removes from the front."),
      Make(2, "stack", "What is a stack?", "A data structure where the last element pushed is popped first."),
      Make(3, "tree", "What is a tree?", "A hierarchical data structure of nodes with one root.")};
  rubric::DeriveRubrics(&bank);
  return bank;
}

const rubric::Concept* Find(const rubric::Question& q, const std::string& id) {
  for (const auto& c : q.rubric.concepts) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("Derived weights follow specificity across the bank's model answers") {
  const rubric::Bank bank = ThreeQuestions();
  const rubric::Question& q = bank.questions[0];
  struct Case {
    std::string concept_id;
    int weight;  // 0: no concept
  };
  const std::vector<Case> cases = {
      {"enqueue", 3}, {"dequeue", 3}, {"rear", 3},   // only in this model answer
      {"structure", 0},                              // in every model answer: says nothing
      {"data", 0}};
  for (const auto& c : cases) {
    CAPTURE(c.concept_id);
    const rubric::Concept* found = Find(q, c.concept_id);
    CHECK((found ? found->weight : 0) == c.weight);
  }
  CHECK(q.rubric.derived);
  CHECK(q.rubric.version == "0.0.0");
}

TEST_CASE("Derived patterns accept inflections and synonyms, not unrelated words") {
  const rubric::Bank bank = ThreeQuestions();
  const rubric::Concept* removes = Find(bank.questions[0], "removes");
  REQUIRE(removes != nullptr);
  struct Case {
    std::string text;
    bool match;
  };
  const std::vector<Case> cases = {{"it removed the head", true},  {"we remove it", true},
                                   {"it deletes the head", true},  {"erasing items", true},
                                   {"a removal van", true},        {"it moves the head", false}};
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(RE2::PartialMatch(c.text, removes->patterns[0]) == c.match);
  }
}

TEST_CASE("Without a framework the model answer's sentences become the steps") {
  const rubric::Bank bank = ThreeQuestions();
  const rubric::Question& q = bank.questions[0];
  REQUIRE(q.steps.size() == 2);
  CHECK(q.framework_name == "The model answer");
  CHECK(q.steps[0].id == "point-1");
  CHECK(q.steps[0].description ==
        "A data structure that removes elements in first in first out order.");
  CHECK(q.steps[1].name == "Enqueue adds at the rear and dequeue removes...");
  CHECK(Find(q, "enqueue")->steps == std::vector<std::string>{"point-2"});
  CHECK(Find(q, "removes")->steps == std::vector<std::string>{"point-1", "point-2"});
  REQUIRE(q.competencies.size() == 1);
  CHECK(q.competencies[0].id == "content");
  CHECK(q.competencies[0].concepts.size() == q.rubric.concepts.size());
}

TEST_CASE("A derived rubric printed as JSON loads back as the same hand-written rubric") {
  const rubric::Bank bank = ThreeQuestions();
  for (const auto& q : bank.questions) {
    CAPTURE(q.id);
    std::vector<rubric::Problem> problems;
    auto loaded = rubric::ParseQuestion(rubric::ToJson(q).dump(2), "q.json", &problems);
    CHECK(problems == std::vector<rubric::Problem>{});
    REQUIRE(loaded);
    CHECK_FALSE(loaded->rubric.derived);
    CHECK(rubric::ToJson(*loaded) == rubric::ToJson(q));
  }
}

TEST_CASE("A question with a model answer and no rubric, framework or tests loads derived") {
  std::vector<rubric::Problem> problems;
  auto q = rubric::ParseQuestion(
      R"({"number": 1, "id": "queue", "title": "Queues", "question": "What is a queue?",
          "model_answer": "A first in first out list."})",
      "01-queue.json", &problems);
  CHECK(problems == std::vector<rubric::Problem>{});
  REQUIRE(q);
  CHECK(q->rubric.derived);
  CHECK(q->rubric.concepts.empty());  // LoadBank derives it with the whole bank known

  problems.clear();
  rubric::ParseQuestion(R"({"number": 1, "id": "queue", "title": "Queues",
                            "question": "What is a queue?", "model_answer": ""})",
                        "01-queue.json", &problems);
  CHECK(problems ==
        std::vector<rubric::Problem>{
            {"01-queue.json", "model_answer", "must not be empty"},
            {"01-queue.json", "rubric", "required when there is no model_answer to derive it from"}});
}

TEST_CASE("A model answer of one short phrase is the answer, not a heading to skip") {
  rubric::Bank bank;
  bank.questions = {
      Make(1, "recursion", "How else can a recursive problem be solved?", "Through iteration."),
      Make(2, "scope", "What is the scope of global variables?", "File scope.")};
  rubric::DeriveRubrics(&bank);
  const rubric::Concept* iteration = Find(bank.questions[0], "iteration");
  REQUIRE(iteration != nullptr);
  CHECK(RE2::PartialMatch("use an iterative loop", iteration->patterns[0]));
  CHECK(Find(bank.questions[1], "file") != nullptr);
}
