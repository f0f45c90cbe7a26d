#include "authoring/attack.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "rubric/bank.h"
#include "rubric/scorer.h"

TEST_CASE("NegateSentence puts not after the first auxiliary, or denies the whole sentence") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"The key is stored with the row.", "The key is not stored with the row."},
      {"Retries can reuse the same key.", "Retries can not reuse the same key."},
      {"Use an idempotency key per payment.", "It is not true that use an idempotency key per payment."},
      {"After the deploy, errors were rising.", "It is not true that after the deploy, errors were rising."},
      {"Every retry of the same payment is stored.",
       "It is not true that every retry of the same payment is stored."}};
  for (const auto& [sentence, negated] : cases) {
    CHECK(bot::NegateSentence(sentence) == negated);
  }
}

TEST_CASE("MakeAttacks builds every kind from the question's own rubric and text") {
  rubric::Question q;
  q.question = "Why retry?";
  q.scenario = "Payments fail.";
  q.model_answer = "Keep one key per payment. Retries reuse it safely.";
  q.rubric.concepts = {{"key", "idempotency key", {"fix"}, 3, {"key"}},
                       {"outbox", "outbox table", {"fix"}, 2, {"outbox"}}};
  std::vector<std::string> kinds;
  for (const auto& a : bot::MakeAttacks(q)) kinds.push_back(a.kind);
  CHECK(kinds == std::vector<std::string>{"term-list", "term-lines", "term-sentence", "shuffled-1",
                                          "shuffled-2", "shuffled-3", "echo", "negated"});
  const auto attacks = bot::MakeAttacks(q);
  CHECK(attacks[0].answer == "idempotency key, outbox table.");
  CHECK(attacks[1].answer == "- idempotency key\n- outbox table\n");
  CHECK(attacks[6].answer == "Why retry?\n\nPayments fail.");
  CHECK(attacks[7].answer ==
        "It is not true that keep one key per payment. It is not true that retries reuse it safely.");
}

TEST_CASE("Attacks list a concept's terms, not its description, and keep the model's lines") {
  rubric::Question q;
  q.model_answer = "Keep one key per payment\n- Retries reuse it safely\n\nLog each retry.";
  q.rubric.concepts = {
      {"same-token", "Concurrent requests refresh with the same refresh token", {"fix"}, 3, {"x"}},
      {"window", "Short grace window (a few seconds): then reject", {"fix"}, 2, {"y"}}};
  const auto attacks = bot::MakeAttacks(q);
  CHECK(attacks[0].answer == "Concurrent requests refresh same refresh, Short grace window.");
  CHECK(attacks[7].answer ==
        "It is not true that keep one key per payment\nIt is not true that retries reuse it "
        "safely\nIt is not true that log each retry.");
}

TEST_CASE("Echoing the question back scores at most 3.0 on every seed question") {
  rubric::Status status;
  auto bank = rubric::LoadBank(SEED_BANK_DIR, &status);
  REQUIRE(bank);
  auto scorer = rubric::Scorer::Compile(*bank, &status);
  REQUIRE(scorer);
  for (const auto& q : bank->questions) {
    for (const auto& attack : bot::MakeAttacks(q)) {
      if (attack.kind != "echo") continue;
      rubric::Result r;
      REQUIRE(scorer->Score(q.id, attack.answer, &r).ok());
      CAPTURE(q.id);
      CHECK(r.score <= 3.0);
    }
  }
}

// No adversarial answer made from a seed rubric, hand-written or derived, scores above 3.0.
TEST_CASE("attack --all over the seed bank: no adversarial answer scores above 3.0") {
  for (const char* rubrics : {"--all", "--derived"}) {
    CAPTURE(rubrics);
    std::istringstream in;
    std::ostringstream out, err;
    std::vector<std::string> argv = {"interview-bot", "attack", "--all", "--content=" SEED_BANK_DIR};
    if (std::string(rubrics) == "--derived") argv.push_back("--derived");
    const int code = bot::RunCli(argv, {in, out, err});
    CHECK(err.str() == "");
    CHECK(out.str() == "attacks=120 passed=0 max=2.5 threshold=3.0\n");
    CHECK(code == 0);
  }
}
