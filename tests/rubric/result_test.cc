// ResultFromJson reads back exactly what ToJson writes. Stored sessions keep their results as this
// JSON, so a field ToJson writes and ResultFromJson drops would vanish from every stored interview:
// these tests fail for such a field whether or not its value is the default.
#include "rubric/result.h"

#include <doctest/doctest.h>

#include "rubric/scorer.h"
#include "test_util.h"

namespace {

// Every field set, none to its default, and more than one entry in every list.
rubric::Result Full() {
  rubric::Result r;
  r.question_id = "payment-retries";
  r.rubric_version = "1.2.0";
  r.score = 6.4;
  r.band = "fair";
  r.words = 212;
  r.follow_up = true;
  r.steps = {{"root-cause", "Root Cause", 1.0, "covered",
              {{"idempotency-key", "Idempotency key", 10, 42, "an idempotency key", "answer"},
               {"unique", "Unique constraint", 50, 70, "a unique constraint", "follow_up"}}},
             {"verify", "Verification", 0.25, "partial", {}}};
  r.concepts = {{"idempotency-key", "Idempotency key", "credited", 1.0},
                {"reconcile", "Reconciliation", "follow-up", 0.6}};
  r.competencies = {{"distributed", "Distributed systems", 0.5, true},
                    {"ops", "Operations", 0.0, false}};
  r.depth = {3, 1, 2, 4, 0.43};
  r.strengths = {"Names the idempotency key", "Plans a reconciliation"};
  r.gaps = {{"step", "verify", "Verification", 1.2, "Say how you would know", "What would you measure?"},
            {"depth", "numbers", "Numbers", 0.4, "Put a number on it", ""}};
  r.flags = {"red-flag", "too-short"};
  r.flag_details = {{"red-flag", "Retrying without a key charges twice.", "just retry"},
                    {"too-short", "Short answers are capped.", ""}};
  r.breakdown = {{"attempt", "", "Attempt", 1.0},
                 {"step", "root-cause", "Root Cause", 6.1},
                 {"cap", "hint-used", "Capped: hint-used", -0.7}};
  r.off_topic_match = "cache-stampede";
  return r;
}

rubric::Result RoundTrip(const rubric::Result& r) {
  rubric::Result back;
  const rubric::Status status = rubric::ResultFromJson(rubric::ToJson(r), &back);
  CHECK(status.problems() == std::vector<rubric::Problem>{});
  return back;
}

}  // namespace

TEST_CASE("ResultFromJson gives back every field of a result") {
  const rubric::Result full = Full();
  const nlohmann::json json = rubric::ToJson(full);
  CHECK(rubric::ToJson(RoundTrip(full)) == json);

  // Each field compared on its own too, so a field ToJson also drops is caught.
  const rubric::Result back = RoundTrip(full);
  CHECK(back.question_id == full.question_id);
  CHECK(back.rubric_version == full.rubric_version);
  CHECK(back.score == full.score);
  CHECK(back.band == full.band);
  CHECK(back.words == full.words);
  CHECK(back.follow_up == full.follow_up);
  CHECK(back.steps.size() == 2);
  CHECK(back.steps[0].evidence.size() == 2);
  CHECK(back.steps[0].evidence[1].source == "follow_up");
  CHECK(back.steps[0].evidence[0].end == 42);
  CHECK(back.concepts[1].credit == 0.6);
  CHECK(back.competencies[0].covered);
  CHECK(back.depth.verification == 4);
  CHECK(back.depth.score == 0.43);
  CHECK(back.strengths == full.strengths);
  CHECK(back.gaps[0].probe == "What would you measure?");
  CHECK(back.flags == full.flags);
  CHECK(back.flag_details[0].quote == "just retry");
  CHECK(back.breakdown == full.breakdown);
  CHECK(back.off_topic_match == "cache-stampede");
}

TEST_CASE("Every key ToJson writes is read: without it the result is refused, unless it is optional") {
  const nlohmann::json json = rubric::ToJson(Full());
  for (auto it = json.begin(); it != json.end(); ++it) {
    CAPTURE(it.key());
    nlohmann::json without = json;
    without.erase(it.key());
    rubric::Result back;
    const rubric::Status status = rubric::ResultFromJson(without, &back);
    if (it.key() == "off_topic_match") {
      CHECK(status.ok());  // written only when set
      CHECK(back.off_topic_match.empty());
    } else if (it.key() == "breakdown") {
      CHECK(status.ok());  // added after sessions were stored without it
      CHECK(back.breakdown.empty());
    } else {
      CHECK(status.problems() ==
            std::vector<rubric::Problem>{{"result", it.key(), "required field is missing"}});
    }
  }
}

TEST_CASE("A key ToJson never writes is a problem, so a new field cannot be dropped in silence") {
  nlohmann::json json = rubric::ToJson(Full());
  json["confidence"] = 0.9;
  json["steps"][1]["weight"] = 2;
  rubric::Result back;
  const rubric::Status status = rubric::ResultFromJson(json, &back);
  CHECK(status.problems() ==
        std::vector<rubric::Problem>{
            {"result", "steps[1].weight", "unknown field; allowed here: id, name, coverage, status, evidence"},
            {"result", "confidence",
             "unknown field; allowed here: question, rubric_version, score, band, words, follow_up, "
             "steps, concepts, competencies, depth, strengths, gaps, flags, flag_details, breakdown, "
             "off_topic_match"}});
}

TEST_CASE("Wrong types are named by their path") {
  nlohmann::json json = rubric::ToJson(Full());
  json["score"] = "6.4";
  json["steps"][0]["evidence"][1]["start"] = 1.5;
  json["depth"] = {1, 2};
  json["flags"][1] = 7;
  rubric::Result back;
  const rubric::Status status = rubric::ResultFromJson(json, &back);
  CHECK(status.problems() ==
        std::vector<rubric::Problem>{
            {"result", "score", "must be a number, found string"},
            {"result", "steps[0].evidence[1].start", "must be an integer, found number"},
            {"result", "depth", "must be an object, found array"},
            {"result", "flags[1]", "must be a string, found number"}});
}

TEST_CASE("Null is not a result") {
  rubric::Result back;
  CHECK(rubric::ResultFromJson(nlohmann::json(), &back).problems() ==
        std::vector<rubric::Problem>{{"result", "", "must be an object, found null"}});
  nlohmann::json json = rubric::ToJson(Full());
  json["depth"] = nullptr;
  CHECK(rubric::ResultFromJson(json, &back).problems() ==
        std::vector<rubric::Problem>{{"result", "depth", "must be an object, found null"}});
}

TEST_CASE("Results the scorer makes come back whole: plain, off-topic, with a follow-up") {
  rubric::Status status;
  const rubric::Bank bank = *rubric::LoadBank(TEST_DATA_DIR "/mini-bank", &status);
  const auto scorer = rubric::Scorer::Compile(bank, &status);
  REQUIRE(scorer);
  struct Case {
    std::string answer, follow_up;
  };
  const std::vector<Case> cases = {
      {"Every payment attempt gets an idempotency key under a unique constraint, so a retry returns "
       "the first result instead of charging the card again; a nightly reconciliation job refunds "
       "duplicates and a dashboard alerts on any above 0 per day.",
       ""},
      {"Put a lock in front of the rebuild so a single request recomputes the page while everyone "
       "else gets the stale copy, and refresh early with jitter on the TTL.",
       ""},
      {"Use an idempotency key.", "A nightly reconciliation job compares the ledger with the provider."},
      {"I don't know.", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.answer);
    rubric::Result r;
    REQUIRE((c.follow_up.empty() ? scorer->Score("payment-retries", c.answer, &r)
                                 : scorer->ScoreWithFollowUp("payment-retries", c.answer, c.follow_up, &r))
                .ok());
    CHECK(rubric::ToJson(RoundTrip(r)) == rubric::ToJson(r));
  }
}
