// The defences stage alone: which flags an answer to the mini bank's first question raises, and at
// what cap or penalty.
#include "caps.h"

#include <doctest/doctest.h>

#include "params.h"
#include "test_util.h"

namespace {

struct Raised {
  std::string flag;
  double cap, penalty;
  bool operator==(const Raised& o) const {
    return flag == o.flag && cap == doctest::Approx(o.cap) && penalty == o.penalty;
  }
};

std::vector<Raised> Raise(const std::string& text, std::string* off_topic = nullptr) {
  using namespace rubric::internal;
  static rubric::Bank bank = [] {
    rubric::Status status;
    return *rubric::LoadBank(TEST_DATA_DIR "/mini-bank", &status);
  }();
  static auto compiled = [] {
    rubric::Status status;
    return CompiledBank::Build(bank, &status);
  }();
  const Analysis a = Analyse(RepairUtf8(text));
  const auto hits = MatchSentences(a, compiled->Table(0).patterns);
  Credits credits;
  CreditText(*compiled, 0, a, hits, "answer", 1.0, &credits);
  std::string match;
  std::vector<Raised> out;
  for (const auto& d : Defences(*compiled, 0, a, hits, credits, false, &match)) {
    out.push_back({d.detail.flag, d.cap, d.penalty});
  }
  if (off_topic) *off_topic = match;
  return out;
}

}  // namespace

namespace doctest {
template <>
struct StringMaker<Raised> {
  static String convert(const Raised& r) {
    return ("{" + r.flag + " cap " + std::to_string(r.cap) + " penalty " + std::to_string(r.penalty) + "}").c_str();
  }
};
}  // namespace doctest

TEST_CASE("Defences: each raises its flag with its own cap or penalty") {
  // Makes an answer long enough (50+ words) that too-short stays out of the case.
  const std::string filler =
      " The change ships behind the usual review and goes out on a normal weekday with the team "
      "around to watch it, as every change to the checkout does, and the release notes say what "
      "changed for the support team so that they can answer the customers who write in about it.";
  struct Case {
    std::string name, text;
    std::vector<Raised> raised;
  };
  const std::vector<Case> cases = {
      {"nothing but terms", "Idempotency, dedup, reconciliation, refunds, load tests, dashboards.",
       {{"keyword-salad", 1.0, 0}, {"too-short", 1.0 + 0.15 * 7, 0}}},
      {"too short: the cap grows with the words", "Use an idempotency key and a reconciliation job.",
       {{"too-short", 1.0 + 0.15 * 8, 0}}},
      {"a red flag's penalty", "We would disable retries on the payment call entirely." + filler,
       {{"red-flag", 10.0, 1.5}}},
      {"a wrong conclusion", "The fix is two-phase commit between our database and the provider." + filler,
       {{"wrong-conclusion", 2.0, 0}}},
      {"the right tools dismissed",
       "An idempotency key is overkill here. A reconciliation job is busywork. Refunds are not "
       "needed either." + filler,
       {{"negated", 10.0, 0}, {"negated", 10.0, 0}, {"negated", 10.0, 0}, {"dismissed", 2.0, 0}}},
      {"every statement hedged",
       "Maybe the retries charge twice. An idempotency key could be the fix, I guess. A "
       "reconciliation job might find the old ones. Refunds are probably needed too." + filler,
       {{"hedged", 3.5, 0}}},
      {"a few hedges among commitments: under the share, no flag",
       "The retries charge twice because the key is missing. An idempotency key might be enough. "
       "A reconciliation job finds the old ones, probably nightly. Refunds go out the same day. "
       "Maybe we add alerts. The canary goes first, hopefully to one percent." + filler + filler,
       {}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    CHECK(Raise(c.text) == c.raised);
  }
}

TEST_CASE("Defences: off-topic names the question the answer fits") {
  std::string match;
  const auto raised = Raise(
      "When the hot key expires, use a lock so that one request rebuilds the value while the "
      "others are served the stale copy, and refresh hot keys early with a jittered TTL so they "
      "never expire at the same moment.",
      &match);
  CHECK(raised == std::vector<Raised>{{"off-topic", 1.0, 0}, {"too-short", 1.0 + 0.15 * 40, 0}});
  CHECK(match == "cache-stampede");
}

TEST_CASE("Off-topic matches only the questions whose words fit the answer better") {
  // A lazily compiled bank, as a one-shot `score` has: a question's set is empty until compiled.
  using namespace rubric::internal;
  rubric::Status status;
  const rubric::Bank bank = *rubric::LoadBank(TEST_DATA_DIR "/mini-bank", &status);
  CompiledBank compiled(bank);
  const auto defences = [&](const std::string& text, std::string* match) {
    const Analysis a = Analyse(RepairUtf8(text));
    rubric::Status ignored;
    const auto hits = MatchSentences(a, compiled.Tables(0, &ignored).patterns);
    Credits credits;
    CreditText(compiled, 0, a, hits, "answer", 1.0, &credits);
    std::vector<std::string> flags;
    for (const auto& d : Defences(compiled, 0, a, hits, credits, false, match)) {
      flags.push_back(d.detail.flag);
    }
    return flags;
  };
  std::string match;
  // Weak but on this question's topic: nothing else is worth matching, so nothing else compiles.
  CHECK(defences("I think the payment retries are the problem with the checkout.", &match) ==
        std::vector<std::string>{"too-short"});
  CHECK(match.empty());
  CHECK(compiled.Table(1).patterns.size() == 0);
  CHECK(defences("When the hot key expires, use a lock so that one request rebuilds the value "
                 "while the others are served the stale copy.",
                 &match) == std::vector<std::string>{"off-topic", "too-short"});
  CHECK(match == "cache-stampede");
  CHECK(compiled.Table(1).patterns.size() > 0);
}

TEST_CASE("FocusFactor: a long answer with its points spread thin and the framework part-covered") {
  using namespace rubric::internal;
  struct Case {
    std::string name;
    int words, credited;
    double coverage, factor;
  };
  const Case cases[] = {
      {"a short answer is never unfocused", 300, 2, 0.3, 1.0},
      {"long and dense: 25 words per concept", 500, 20, 0.6, 1.0},
      {"long, thin and part-covered: the whole loss", 500, 5, 0.6, 0.8},
      {"long and thin but complete (a thorough model answer)", 1200, 15, 1.0, 1.0},
      {"half-way up each ramp", 375, 9, 0.875, 1.0 - 0.2 * 0.5 * (375.0 / 9 - 35) / 10 * 0.5},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    Credits credits;
    credits.concepts.resize(c.credited + 3);  // three concepts not credited
    for (int i = 0; i < c.credited; ++i) {
      credits.concepts[i].credit = 1.0;
      credits.concepts[i].in_answer = true;
    }
    CHECK(FocusFactor(kInterviewStyle, c.words, credits, c.coverage) == doctest::Approx(c.factor));
    // A short exam answer is judged on content alone.
    CHECK(FocusFactor(kShortStyle, c.words, credits, c.coverage) == 1.0);
  }
}
