// The credit stage alone: what one analysed text earns from the mini bank's first question.
#include "credit.h"

#include <doctest/doctest.h>

#include "test_util.h"

namespace {

struct Mini {
  rubric::Bank bank;
  std::unique_ptr<rubric::internal::CompiledBank> compiled;
  Mini() {
    rubric::Status status;
    bank = *rubric::LoadBank(TEST_DATA_DIR "/mini-bank", &status);
    compiled = rubric::internal::CompiledBank::Build(bank, &status);
    REQUIRE(compiled);
  }
  // The concept ids of `text` by status: credited, negated (rejected only), listed (only in lists).
  std::vector<std::vector<std::string>> Credit(const std::string& text) const {
    using namespace rubric::internal;
    const Analysis a = Analyse(RepairUtf8(text));
    Credits credits;
    CreditText(*compiled, 0, a, MatchSentences(a, compiled->Table(0).patterns), "answer", 1.0,
               &credits);
    std::vector<std::vector<std::string>> out(3);
    for (size_t ci = 0; ci < credits.concepts.size(); ++ci) {
      const auto& st = credits.concepts[ci];
      const std::string& id = bank.questions[0].rubric.concepts[ci].id;
      if (st.credit > 0) out[0].push_back(id);
      else if (st.negated) out[1].push_back(id);
      else if (st.listed) out[2].push_back(id);
    }
    return out;
  }
};

}  // namespace

TEST_CASE("CreditText: statements credit, rejections and term lists do not") {
  using V = std::vector<std::string>;
  struct Case {
    std::string name, text;
    V credited, negated, listed;
  };
  const std::vector<Case> cases = {
      {"statement", "Every payment attempt gets an idempotency key so a retry is harmless.",
       {"idempotency-key"}, {}, {}},
      {"rejected", "An idempotency key is overkill for a shop this size.", {}, {"idempotency-key"}, {}},
      {"dismissed by the next sentence",
       "We could add a nightly reconciliation job. Not worth it.", {}, {"reconciliation"}, {}},
      {"term list", "Idempotency, dedup, reconciliation, refunds, dashboards.", {}, {},
       {"idempotency-key", "unique-constraint", "reconciliation", "refund-duplicates", "duplicate-alert"}},
      {"a reasoned note is a statement", "- unique constraint on the key -> second insert fails",
       {"unique-constraint"}, {}, {}},
      {"a question asks, it does not say", "Would a refund job help here?", {}, {}, {}},
  };
  const Mini mini;
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const auto got = mini.Credit(c.text);
    CHECK(got[0] == c.credited);
    CHECK(got[1] == c.negated);
    CHECK(got[2] == c.listed);
  }
}

TEST_CASE("CreditText: red flags and wrong conclusions are collected once, with their words") {
  using namespace rubric::internal;
  const Mini mini;
  const Analysis a = Analyse(RepairUtf8(
      "If we used 2PC, the provider could not take part. I would disable retries "
      "for now. The fix is two-phase commit with the provider. Two-phase commit again, and we "
      "disable the retries everywhere."));
  Credits credits;
  CreditText(*mini.compiled, 0, a, MatchSentences(a, mini.compiled->Table(0).patterns), "answer",
             1.0, &credits);
  REQUIRE(credits.red_flags.size() == 1);
  CHECK(credits.red_flags[0].quote == "disable retries");
  REQUIRE(credits.wrong_conclusions.size() == 1);
  CHECK(credits.wrong_conclusions[0].quote == "two-phase commit");
}

TEST_CASE("CreditText matches the model answer for its negations only when a text rejects a concept") {
  const Mini mini;
  const auto& tables = mini.compiled->Table(0);
  mini.Credit("Every payment attempt gets an idempotency key so a retry is harmless.");
  CHECK(tables.negated_in_model.empty());  // not needed yet: nothing was rejected
  mini.Credit("An idempotency key is overkill for a shop this size.");
  CHECK(tables.negated_in_model.size() == mini.bank.questions[0].rubric.concepts.size());
}
