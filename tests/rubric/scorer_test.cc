#include "rubric/scorer.h"

#include "rubric/derive.h"

#include <doctest/doctest.h>

#include "short_bank.h"
#include "test_util.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <thread>

namespace {

struct Fixture {
  rubric::Bank bank;
  std::unique_ptr<rubric::Scorer> scorer;
  Fixture() {
    rubric::Status status;
    bank = *rubric::LoadBank(TEST_DATA_DIR "/mini-bank", &status);
    scorer = rubric::Scorer::Compile(bank, &status);
    REQUIRE(scorer);
  }
  rubric::Result Score(const std::string& q, const std::string& answer) {
    rubric::Result r;
    REQUIRE(scorer->Score(q, answer, &r).ok());
    return r;
  }
};

const char* kStrong =
    "The retry is the problem, so every payment attempt gets an idempotency key that the client "
    "generates once and sends again on each retry. The server stores the key under a unique "
    "constraint, so the second request finds the first one and returns its result instead of "
    "charging the card again. For customers already charged twice, a nightly reconciliation job "
    "compares our ledger with the provider's records and refunds every duplicate. To be sure it "
    "works, a load test replays provider timeouts at 10x normal traffic, and a dashboard alerts "
    "on any duplicate charges above 0 per day. The trade-off is one extra write per payment, "
    "which costs about 2ms, and if the key store fails we roll back to the old path.";

bool HasFlag(const rubric::Result& r, const std::string& flag) {
  return std::find(r.flags.begin(), r.flags.end(), flag) != r.flags.end();
}

}  // namespace

TEST_CASE("A complete answer covers every step and scores strong") {
  Fixture f;
  const rubric::Result r = f.Score("payment-retries", kStrong);
  CHECK(r.score >= 7.0);
  CHECK(r.flags.empty());
  CHECK(r.rubric_version == "1.2.0");
  for (const auto& step : r.steps) {
    CAPTURE(step.id);
    CHECK(step.status == "covered");
    CHECK_FALSE(step.evidence.empty());
  }
  for (const auto& ev : r.steps[0].evidence) {
    CHECK(std::string(kStrong).substr(ev.start, ev.end - ev.start) == ev.quote);
  }
  CHECK(r.steps[0].evidence[0].quote == "idempotency");
  CHECK(r.competencies[0].covered);
}

TEST_CASE("Defences: each kind of weak answer is held down and flagged") {
  struct Case {
    std::string name;
    std::string question, answer;
    double max_score;
    std::vector<std::string> flags;
  };
  const std::vector<Case> cases = {
      {"keyword salad", "payment-retries",
       "Idempotency keys, dedup, reconciliation, refunds, load tests, dashboards, alerts, "
       "unique constraints, exactly-once, sagas, outbox.",
       2.5, {"keyword-salad", "too-short"}},
      {"negated concepts", "payment-retries",
       "Idempotency keys are overkill for a checkout this size. I would not bother with "
       "reconciliation either, since the provider is usually right. Refunds are not needed if "
       "support handles complaints by hand, and a load test would not help here at all because "
       "timeouts are rare in production anyway. Duplicate charges happen to every shop now and then, "
       "and customers understand that their bank will sort it out after a few days.",
       2.0, {"negated", "dismissed"}},
      {"off-topic", "payment-retries",
       "When the hot key expires, use a lock so that one request rebuilds the value while the "
       "others are served the stale copy. I would also refresh hot keys early with a jittered TTL "
       "so that they never expire at the same moment, which spreads the load on the database "
       "over time instead of in one spike.",
       1.0, {"off-topic"}},
      {"too short", "payment-retries", "Use an idempotency key and a reconciliation job.", 4.0,
       {"too-short"}},
  };
  Fixture f;
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const rubric::Result r = f.Score(c.question, c.answer);
    CHECK(r.score <= c.max_score);
    CHECK(r.flags == c.flags);
  }
}

// Proposing a wrong conclusion caps the answer; dismissing it, or naming it as others' idea or a
// rejected option, does not.
TEST_CASE("A wrong conclusion caps the answer only when it is proposed") {
  const std::string rest =
      " Every payment attempt also gets an idempotency key stored under a unique constraint, a "
      "nightly reconciliation job compares our ledger with the provider and refunds duplicates, "
      "and a load test replays provider timeouts while a dashboard alerts on duplicate charges.";
  struct Case {
    std::string name, opening;
    bool capped;
  };
  const std::vector<Case> cases = {
      {"proposed", "The fix is two-phase commit between our database and the provider.", true},
      {"proposed in a plan", "I'd wrap the charge and the ledger write in a two-phase commit.", true},
      {"negated", "I would not use two-phase commit with the provider.", false},
      {"dismissed", "Two-phase commit with a card provider is a non-starter.", false},
      {"others' idea", "People reach for two-phase commit here, but the provider is not a participant.",
       false},
      {"asked", "Could two-phase commit with the provider work?", false},
  };
  Fixture f;
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const rubric::Result r = f.Score("payment-retries", c.opening + rest);
    CHECK(HasFlag(r, "wrong-conclusion") == c.capped);
    if (c.capped) {
      CHECK(r.score <= 2.5);
      const auto& d = r.flag_details.front();
      CHECK(d.message ==
            "Two-phase commit with the payment provider: A card provider takes part in no "
            "distributed transaction; an idempotency key makes the retry safe.");
      CHECK(d.quote.find("two-phase commit") != std::string::npos);
    } else {
      CHECK(r.score > 5.0);
    }
  }
}

TEST_CASE("An answer that denies most of what it says is capped as a denial") {
  struct Case {
    std::string name, answer;
    bool denial;
  };
  const std::vector<Case> cases = {
      {"every sentence denied",
       "It is not true that every payment attempt needs an idempotency key. We don't store the key "
       "with a unique constraint on the server. No reconciliation job compares our ledger with the "
       "provider's records at night. Never refund a duplicate charge that the job finds. It is not "
       "true that a load test replays provider timeouts at ten times the traffic. We don't need a "
       "dashboard that alerts when duplicate charges exceed zero per day.",
       true},
      {"two denials among six statements",
       "Every payment attempt gets an idempotency key that the client sends again on each retry. "
       "We don't generate a new key per retry, because that would charge twice. The server stores "
       "the key under a unique constraint and returns the first result. A nightly reconciliation "
       "job compares our ledger with the provider's records and refunds duplicates. Never skip the "
       "load test: it replays provider timeouts at ten times normal traffic. A dashboard alerts "
       "when duplicate charges exceed zero per day.",
       false},
  };
  Fixture f;
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const rubric::Result r = f.Score("payment-retries", c.answer);
    CHECK(HasFlag(r, "denial") == c.denial);
    if (c.denial) CHECK(r.score <= 2.0);
    if (!c.denial) CHECK(r.score > 5.0);
  }
}

TEST_CASE("The model answer's words reversed are a salad; the model answer itself is not") {
  Fixture f;
  const std::string& model = f.bank.Find("payment-retries")->model_answer;
  std::vector<std::string> words;
  std::string w;
  for (char c : model + " ") {
    if (c == ' ') {
      if (!w.empty()) words.push_back(w);
      w.clear();
    } else if (c != '.' && c != ',') {
      w += c;
    }
  }
  std::string reversed;
  for (size_t i = words.size(); i-- > 0;) {
    reversed += words[i] + ((words.size() - i) % 12 == 0 ? ". " : " ");
  }
  const rubric::Result scrambled = f.Score("payment-retries", reversed + ".");
  CHECK(HasFlag(scrambled, "keyword-salad"));
  CHECK(scrambled.score <= 2.5);
  const rubric::Result original = f.Score("payment-retries", model);
  CHECK_FALSE(HasFlag(original, "keyword-salad"));
  CHECK(original.score > 5.0);
}

TEST_CASE("The off-topic flag names the question the answer fits") {
  Fixture f;
  const rubric::Result r = f.Score(
      "payment-retries",
      "Put a lock in front of the rebuild so a single request recomputes the page while everyone "
      "else gets the stale copy, and refresh early with jitter on the TTL.");
  CHECK(r.off_topic_match == "cache-stampede");
}

TEST_CASE("A 25-word answer cannot reach 5 however good its words") {
  Fixture f;
  const rubric::Result r = f.Score(
      "payment-retries",
      "Idempotency key per attempt stored under a unique constraint, a reconciliation job that "
      "refunds duplicates, and a load test replaying timeouts with a dashboard alert.");
  CHECK(r.words <= 25);
  CHECK(r.score < 5.0);
}

TEST_CASE("Red flags cost points unless the candidate rejects them") {
  Fixture f;
  const std::string base =
      "Every payment attempt gets an idempotency key stored under a unique constraint so a retry "
      "returns the first result. A reconciliation job compares our ledger with the provider and "
      "refunds duplicates. ";
  const rubric::Result flagged = f.Score("payment-retries", base + "We should also disable retries.");
  const rubric::Result rejected =
      f.Score("payment-retries", base + "We should never disable retries.");
  CHECK(HasFlag(flagged, "red-flag"));
  CHECK_FALSE(HasFlag(rejected, "red-flag"));
  REQUIRE(flagged.flag_details.size() == 2);
  CHECK(flagged.flag_details[0].flag == "red-flag");
  CHECK(flagged.flag_details[1].flag == "too-short");
  CHECK(flagged.flag_details[0].quote == "disable retries");
  CHECK(rejected.flag_details.size() == 1);
  CHECK(flagged.score == doctest::Approx(rejected.score - 1.5).epsilon(0.02));
}

TEST_CASE("Bad input: empty, invalid UTF-8, too long, unknown question") {
  Fixture f;
  const rubric::Result empty = f.Score("1", "");
  CHECK(empty.score == 0.0);
  REQUIRE_FALSE(empty.gaps.empty());
  CHECK(empty.gaps[0].id == "no-answer");

  const rubric::Result repaired =
      f.Score("1", "We add an idempotency\xFF key \xC0 so retries are safe, and reconcile.");
  CHECK(repaired.score >= 0.0);
  for (const auto& s : repaired.steps) {
    for (const auto& ev : s.evidence) CHECK(ev.quote.find('\xFF') == std::string::npos);
  }

  rubric::Result r;
  rubric::Status status = f.scorer->Score("1", std::string(20001, 'a'), &r);
  REQUIRE_FALSE(status.ok());
  CHECK(status.problems()[0].ToString() == "answer: answer: is 20001 characters; the limit is 20000");
  CHECK(f.scorer->Score("1", std::string(20000, 'a'), &r).ok());

  status = f.scorer->Score("nope", "x", &r);
  CHECK(status.problems()[0].reason ==
        "unknown question \"nope\"; valid: 1 payment-retries, 2 cache-stampede");
}

TEST_CASE("Declining to answer scores like an empty answer") {
  Fixture f;
  for (const std::string answer : {"not answered", "I don't know.", "No idea"}) {
    CAPTURE(answer);
    const rubric::Result r = f.Score("payment-retries", answer);
    CHECK(r.score == 0.0);
    REQUIRE_FALSE(r.gaps.empty());
    CHECK(r.gaps[0].id == "no-answer");
  }
  CHECK(f.Score("payment-retries", "I don't know the provider, but an idempotency key stops the "
                                   "retry from charging twice.").score > 0.0);
}

TEST_CASE("Negating what the model answer itself negates agrees with it") {
  ShortBank bank({{"constructor", "How does a constructor differ from other member functions?",
                   "Constructors do not have a return type."},
                  {"function", "What does a function declaration state?",
                   "Every function has a return type."}});
  const rubric::Result agrees = bank.Score("constructor", "They don't have any return type.");
  CHECK_FALSE(HasFlag(agrees, "negated"));
  for (const auto& c : agrees.concepts) {
    CAPTURE(c.id);
    if (c.id == "return" || c.id == "type") CHECK(c.status == "credited");
  }
  CHECK(agrees.score >= 7.0);
  const rubric::Result denies = bank.Score("function", "A function doesn't have a return type.");
  CHECK(HasFlag(denies, "negated"));
  CHECK(denies.score < bank.Score("function", "A function has a return type.").score);
}

TEST_CASE("Short answers: a shuffled reference of 8+ words is a salad, a 7-word paraphrase is not") {
  ShortBank bank({{"find", "How do you find an element in a stack without losing the others?",
                   "Pop all the elements and store them on another stack until the element is "
                   "found, then push back all the elements on the other stack."}});
  const rubric::Result shuffled =
      bank.Score("find", "stack the all elements found on push then other store pop back");
  CHECK(HasFlag(shuffled, "keyword-salad"));
  CHECK(shuffled.score <= 2.5);
  const rubric::Result paraphrase = bank.Score("find", "to pop elements then push them back");
  CHECK_FALSE(HasFlag(paraphrase, "keyword-salad"));
  CHECK(paraphrase.score > 5.0);
}

TEST_CASE("Scoring is deterministic") {
  Fixture f;
  const auto a = rubric::ToJson(f.Score("payment-retries", kStrong));
  const auto b = rubric::ToJson(f.Score("payment-retries", kStrong));
  CHECK(a == b);
}

TEST_CASE("Gaps are ordered by points lost and carry the step's hint and probe") {
  Fixture f;
  const rubric::Result r = f.Score(
      "payment-retries",
      "Every payment attempt gets an idempotency key that the client sends again with each retry, "
      "and the server keeps it under a unique constraint so the second call returns the first "
      "result instead of charging the customer's card a second time.");
  REQUIRE(r.gaps.size() >= 2);
  for (size_t i = 1; i < r.gaps.size(); ++i) CHECK(r.gaps[i - 1].points_lost >= r.gaps[i].points_lost);
  const auto it = std::find_if(r.gaps.begin(), r.gaps.end(),
                               [](const rubric::Gap& g) { return g.id == "reconcile"; });
  REQUIRE(it != r.gaps.end());
  CHECK(it->hint == "Read about reconciliation jobs.");
  CHECK(it->probe == "How do you find the customers already charged twice?");
}

TEST_CASE("A follow-up answer credits new steps at a reduced rate") {
  Fixture f;
  const std::string answer =
      "Every payment attempt gets an idempotency key that the client sends again with each retry, "
      "and the server keeps it under a unique constraint so the second call returns the first "
      "result instead of charging the customer's card a second time.";
  const std::string follow_up =
      "A nightly reconciliation job compares our ledger with the provider's records and refunds "
      "every duplicate charge it finds.";
  rubric::Result alone, prompted;
  REQUIRE(f.scorer->Score("payment-retries", answer, &alone).ok());
  REQUIRE(f.scorer->ScoreWithFollowUp("payment-retries", answer, follow_up, &prompted).ok());
  const rubric::Result volunteered = f.Score("payment-retries", answer + " " + follow_up);
  CHECK(prompted.follow_up);
  CHECK(prompted.score > alone.score);
  CHECK(prompted.score < volunteered.score);
  const auto& reconcile = prompted.concepts[2];
  CHECK(reconcile.id == "reconciliation");
  CHECK(reconcile.status == "follow-up");
  CHECK(reconcile.credit == doctest::Approx(rubric::Scorer::kFollowUpRate));
  REQUIRE_FALSE(prompted.steps[1].evidence.empty());
  CHECK(prompted.steps[1].evidence[0].source == "follow_up");
  CHECK(follow_up.substr(prompted.steps[1].evidence[0].start,
                         prompted.steps[1].evidence[0].end - prompted.steps[1].evidence[0].start) ==
        prompted.steps[1].evidence[0].quote);
}

TEST_CASE("Result JSON carries every documented field") {
  Fixture f;
  const nlohmann::json j = rubric::ToJson(f.Score("payment-retries", kStrong));
  for (const char* key : {"question", "rubric_version", "score", "band", "words", "follow_up",
                          "steps", "concepts", "competencies", "depth", "strengths", "gaps",
                          "flags", "flag_details"}) {
    CAPTURE(key);
    CHECK(j.contains(key));
  }
  CHECK(j["steps"][0]["evidence"][0].contains("start"));
  CHECK(j["band"] == rubric::BandFor(j["score"].get<double>()));
}

TEST_CASE("BandFor") {
  CHECK(rubric::BandFor(9.0) == "excellent");
  CHECK(rubric::BandFor(8.4) == "strong");
  CHECK(rubric::BandFor(5.0) == "fair");
  CHECK(rubric::BandFor(3.0) == "weak");
  CHECK(rubric::BandFor(2.9) == "poor");
}

TEST_CASE("Short answers: an accepted answer credits the paraphrase it words") {
  const std::vector<std::array<std::string, 3>> questions = {
      {"queue", "What is a queue?", "A first in first out list."},
      {"stack", "What is a stack?", "A last in first out list."}};
  ShortBank plain(questions);
  ShortBank accepting(questions, {{"queue", {"The oldest item is removed before newer ones."}}});
  const std::string paraphrase = "Items are removed oldest first; newer ones wait.";
  CHECK(accepting.Score("queue", paraphrase).score >= plain.Score("queue", paraphrase).score + 1.5);
  const std::string in_model_words = "It is a first in first out list.";
  CHECK(accepting.Score("queue", in_model_words).score == plain.Score("queue", in_model_words).score);
  CHECK(accepting.Score("stack", paraphrase).score == plain.Score("stack", paraphrase).score);
}

TEST_CASE("Short answers earn nothing for depth, so depth is never a gap or a strength there") {
  ShortBank bank({{"queue", "What is a queue?", "A list where the first element in is the first out."},
                  {"stack", "What is a stack?", "A list where the last element in is the first out."}});
  const rubric::Result r = bank.Score("queue", "Elements come out of the list in the order they went in.");
  for (const auto& gap : r.gaps) {
    CAPTURE(gap.id);
    CHECK(gap.kind == "step");
  }
  CHECK(std::find(r.strengths.begin(), r.strengths.end(), "Quantified the answer") == r.strengths.end());
  // A depth signal changes nothing either.
  const rubric::Result with_numbers =
      bank.Score("queue", "Elements come out of the list in the order they went in, 3 of 3 times.");
  for (const auto& s : with_numbers.strengths) CHECK(s.find("Quantified") == std::string::npos);
}

TEST_CASE("Open compiles each question on first use: the results of Compile, from threads at once") {
  Fixture compiled;
  const auto lazy = rubric::Scorer::Open(compiled.bank);
  std::array<rubric::Result, 8> results;
  std::array<bool, 8> ok{};
  std::vector<std::thread> threads;
  for (size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] { ok[i] = lazy->Score(i % 2 ? "1" : "2", kStrong, &results[i]).ok(); });
  }
  for (auto& t : threads) t.join();
  for (size_t i = 0; i < results.size(); ++i) {
    CAPTURE(i);
    CHECK(ok[i]);
    CHECK(rubric::ToJson(results[i]) == rubric::ToJson(compiled.Score(i % 2 ? "1" : "2", kStrong)));
  }
}

TEST_CASE("ReleaseIdle frees only questions not scored since its last call; they score the same after") {
  Fixture f;
  const auto lazy = rubric::Scorer::Open(f.bank);
  const std::string before = rubric::ToJson(f.Score("1", kStrong)).dump();
  rubric::Result r;
  REQUIRE(lazy->Score("1", kStrong, &r).ok());
  CHECK(lazy->ReleaseIdle() == 0);  // question 1 was scored since the start
  CHECK(lazy->ReleaseIdle() == 1);  // ... but not since the last call
  CHECK(lazy->ReleaseIdle() == 0);  // nothing compiled is left
  REQUIRE(lazy->Score("1", kStrong, &r).ok());
  CHECK(rubric::ToJson(r).dump() == before);
  CHECK(f.scorer->ReleaseIdle() == 0);  // compiling all of them counts as a use
  CHECK(f.scorer->ReleaseIdle() == 2);
}

TEST_CASE("ReleaseIdle never frees what a score in progress reads") {
  // Under ASan this fails as a use after free if a score does not hold its question.
  Fixture f;
  const auto lazy = rubric::Scorer::Open(f.bank);
  const std::array<std::string, 2> expected = {rubric::ToJson(f.Score("1", kStrong)).dump(),
                                               rubric::ToJson(f.Score("2", kStrong)).dump()};
  std::atomic<bool> done{false};
  std::atomic<int> released{0};
  std::thread releaser([&] {
    while (!done) released += lazy->ReleaseIdle();
  });
  std::array<int, 2> same{};
  std::vector<std::thread> scorers;
  for (int q = 0; q < 2; ++q) {
    scorers.emplace_back([&, q] {
      for (int i = 0; i < 40; ++i) {
        rubric::Result r;
        if (lazy->Score(std::to_string(q + 1), kStrong, &r).ok() && rubric::ToJson(r).dump() == expected[q]) {
          ++same[q];
        }
      }
    });
  }
  for (auto& t : scorers) t.join();
  done = true;
  releaser.join();
  CHECK(same == std::array<int, 2>{40, 40});
  CHECK(released > 0);
}

TEST_CASE("A pattern that does not compile is reported when its question is scored, and once by CompileAll") {
  rubric::Status status;
  rubric::Bank bank = *rubric::LoadBank(TEST_DATA_DIR "/mini-bank", &status);
  auto& patterns = bank.questions[1].rubric.concepts[0].patterns;
  patterns.push_back("stale(");
  const auto scorer = rubric::Scorer::Open(bank);
  rubric::Result r;
  CHECK(scorer->Score("1", kStrong, &r).ok());  // the other question's pattern is not its problem
  const rubric::Status bad = scorer->Score("2", "Serve stale data while one request refreshes.", &r);
  REQUIRE(bad.problems().size() == 1);
  CHECK(bad.problems()[0].where == bank.questions[1].file);
  CHECK(bad.problems()[0].field ==
        "rubric.concepts[0].patterns[" + std::to_string(patterns.size() - 1) + "]");
  CHECK(bad.problems()[0].reason.rfind("does not compile as RE2: missing )", 0) == 0);
  // Each question's set is compiled once, whoever asks for it first: the pattern is reported once.
  CHECK(scorer->CompileAll().problems() == bad.problems());
  CHECK_FALSE(rubric::Scorer::Compile(bank, &status));
  CHECK(status.problems() == bad.problems());
}

TEST_CASE("A pattern too large once compiled is reported when scored if the loader left the check to the scorer") {
  rubric::Status status;
  CHECK(rubric::LoadBank(TEST_DATA_DIR "/mini-bank", &status)->patterns_checked);
  rubric::Bank bank = *rubric::LoadBank(TEST_DATA_DIR "/mini-bank", &status, rubric::PatternCheck::kWhenScored);
  CHECK_FALSE(bank.patterns_checked);
  auto& patterns = bank.questions[1].rubric.concepts[0].patterns;
  patterns.push_back("a.{0,1000}b.{0,1000}c.{0,1000}d");  // RE2's parser accepts it; only a compile sees its size
  const auto scorer = rubric::Scorer::Open(bank);
  rubric::Result r;
  const rubric::Status bad = scorer->Score("2", "Serve stale data while one request refreshes.", &r);
  REQUIRE(bad.problems().size() == 1);
  CHECK(bad.problems()[0].ToString() ==
        bank.questions[1].file + ": rubric.concepts[0].patterns[" + std::to_string(patterns.size() - 1) +
            "]: does not compile as RE2: pattern is too large once compiled (9008 instructions, limit "
            "5000); use smaller repetition counts");
}
