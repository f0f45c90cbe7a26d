// The coach's summary on hand-built results: strengths quote the candidate's words, fixes name
// the cap that bound the score first, then the costliest gaps; strengths name each concept once.
#include "core/coach.h"

#include <doctest/doctest.h>

namespace bot {
namespace {

using nlohmann::json;

rubric::Evidence Quote(const std::string& concept_name, const std::string& quote,
                       const std::string& source = "answer") {
  return {"c-" + concept_name, concept_name, 0, quote.size(), quote, source};
}

// A short answer: Prevent covered, Reconcile begun, Verify missing, capped as too short.
rubric::Result Short() {
  rubric::Result r;
  r.score = 2.5;
  r.words = 31;
  r.flags = {"too-short"};
  r.steps = {{"prevent", "Prevent duplicates", 1.0, "covered",
              {Quote("Idempotency key", "every retry carries the same idempotency key"),
               Quote("Unique constraint", "a unique constraint on the key")}},
             {"reconcile", "Reconcile", 0.5, "partial", {Quote("Ledger", "compare with the ledger")}},
             {"verify", "Verify", 0.0, "missing", {}}};
  r.strengths = {"Prevent duplicates: Idempotency key; Unique constraint"};
  r.gaps = {{"step", "verify", "Verify", 2.1, "Say how you would know it worked.", ""},
            {"step", "reconcile", "Reconcile", 1.0, "Repair the past duplicates.", ""},
            {"depth", "numbers", "Numbers", 0.4, "Quantify.", ""}};
  r.breakdown = {{"attempt", "", "An on-topic attempt", 1.0},
                 {"step", "prevent", "Prevent duplicates", 3.0},
                 {"length", "", "Length: a short answer covers less", -0.8},
                 {"cap", "too-short", "Capped: too-short", -0.7}};
  return r;
}

}  // namespace

TEST_CASE("Summarise: strengths quote the answer; a too-short answer's first fix is its length") {
  const CoachSummary s = Summarise(Short());
  CHECK(s.strengths == std::vector<std::string>{
      "You covered Prevent duplicates when you wrote \"every retry carries the same idempotency key\" "
      "(Idempotency key).",
      "You began on Reconcile when you wrote \"compare with the ledger\" (Ledger)."});
  CHECK(s.fixes == std::vector<std::string>{
      "Say more: at 31 words the answer is too short, and its length alone cost 1.5 points; walk "
      "through each step of the framework in full sentences.",
      "Add Verify (worth up to 2.1 points): nothing in your answer covers it yet. Say how you would "
      "know it worked."});
}

TEST_CASE("Summarise: shortness counts when only the length line took points off") {
  rubric::Result r = Short();
  r.breakdown.pop_back();  // the too-short cap did not bind
  CHECK(Summarise(r).fixes[0] ==
        "Say more: at 31 words the answer is too short, and its length alone cost 0.8 points; walk "
        "through each step of the framework in full sentences.");
}

TEST_CASE("Summarise: without a cap or shortness, the two costliest gaps; a begun step quotes where it stopped") {
  rubric::Result r = Short();
  r.flags.clear();
  r.breakdown.resize(2);
  std::swap(r.gaps[0], r.gaps[1]);
  const CoachSummary s = Summarise(r);
  REQUIRE(s.fixes.size() == 2);
  CHECK(s.fixes[0] ==
        "Take Reconcile further (worth up to 1.0 points): you started with \"compare with the "
        "ledger\", but stopped there. Repair the past duplicates.");
  CHECK(s.fixes[1].rfind("Add Verify", 0) == 0);
}

TEST_CASE("Summarise: a long answer's buried points come before the gaps") {
  rubric::Result r = Short();
  r.flags = {"unfocused"};
  r.words = 480;
  r.breakdown.resize(2);
  r.breakdown.push_back({"focus", "", "Focus: points buried in a long answer", -1.3});
  CHECK(Summarise(r).fixes ==
        std::vector<std::string>{
            "Tighten it: at 480 words your points are buried, which cost 1.3 points; lead with "
            "your diagnosis and plan, and cut the digressions.",
            "Add Verify (worth up to 2.1 points): nothing in your answer covers it yet. Say how you "
            "would know it worked."});
}

TEST_CASE("Summarise: a hint cap, depth strengths without quotes, and nothing to say") {
  rubric::Result r = Short();
  r.steps.resize(1);
  r.flags = {"hint-used"};
  r.strengths.push_back("Quantified the answer");
  r.breakdown.resize(2);
  r.breakdown.push_back({"cap", "hint-used", "Capped: hint-used", -0.8});
  r.score = 7.0;
  const CoachSummary s = Summarise(r);
  CHECK(s.strengths.size() == 2);
  CHECK(s.strengths[1] == "Quantified the answer, which the rubric credits.");
  CHECK(s.fixes[0] == "Try it without the hint next time: using one capped this answer at 7.0, which "
                      "cost 0.8 points.");

  const CoachSummary empty = Summarise(rubric::Result{});
  CHECK(empty.strengths.empty());
  CHECK(empty.fixes.empty());
}

TEST_CASE("DistinctStrengths names each concept under the first covered step only") {
  rubric::Result r = Short();
  r.steps[1].status = "covered";
  r.steps[1].evidence.push_back(Quote("Idempotency key", "the key again"));
  r.strengths.push_back("Named trade-offs");
  CHECK(DistinctStrengths(r) ==
        json{{{"step", "Prevent duplicates"}, {"concepts", {"Idempotency key", "Unique constraint"}}},
             {{"step", "Reconcile"}, {"concepts", {"Ledger"}}},
             {{"step", "Named trade-offs"}, {"concepts", json::array()}}});
}

TEST_CASE("ShortQuote cuts at a word, on one line, never inside a UTF-8 character") {
  CHECK(ShortQuote("short\nquote") == "short quote");
  CHECK(ShortQuote("one two three four", 10) == "one two...");
  CHECK(ShortQuote("ééééééééé", 7) == "ééé...");
}

}  // namespace bot
