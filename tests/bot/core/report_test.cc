// The API's views of sessions (core/report.h) on hand-built sessions: the session view, the report as
// JSON and Markdown, and a returning candidate's history, compared as whole values.
#include "core/report.h"

#include <doctest/doctest.h>

#include "test_util.h"

namespace bot {
namespace {

using nlohmann::json;

constexpr int64_t kStart = 1764352800000;  // 2025-11-28T18:00:00Z

rubric::Bank MiniBank() {
  rubric::Status status;
  return *rubric::LoadBank(TEST_DATA_DIR "/mini-bank", &status);
}

rubric::Result Result(double score, const std::string& band, bool reconciled) {
  rubric::Result r;
  r.question_id = "payment-retries";
  r.score = score;
  r.band = band;
  r.competencies = {{"dist", "Distributed systems", 0.5, true}, {"ops", "Operations", 0.25, false}};
  r.gaps = {{"step", "verify", "Verification", 2.0, "Say how you would know", ""},
            {"depth", "numbers", "Numbers", 0.5, "Put a number on it", ""}};
  r.concepts = {{"key", "Idempotency key", "credited", 1.0},
                {"recon", "Reconciliation", reconciled ? "credited" : "missing", reconciled ? 1.0 : 0.0},
                {"ledger", "Ledger", "missing", 0.0}};
  return r;
}

Message Said(int seq, MessageRole role, MessageKind kind, const std::string& text) {
  Message m;
  m.seq = seq;
  m.role = role;
  m.kind = kind;
  m.text = text;
  m.at_ms = kStart + seq * 1000;
  return m;
}

// Ended early on its third question: one scored (with a hint and a follow-up), one skipped, and
// one whose id the bank no longer has, with a title that needs escaping in a Markdown table.
Session Ended() {
  Session s;
  s.id = "0123456789abcdef0123456789abcdef";
  s.name = "Ada";
  s.client_id = "c1";
  s.track.kind = "all";
  s.state = SessionState::kFinished;
  s.ended_early = true;
  s.current = 2;
  s.created_ms = kStart;
  s.updated_ms = kStart + 600000;
  QuestionRecord scored;
  scored.id = "payment-retries";
  scored.status = QuestionStatus::kScored;
  scored.asked_at_ms = kStart + 1000;
  scored.answered_at_ms = kStart + 91000;
  scored.hints = 1;
  scored.follow_up_answered = true;
  scored.score = 6.4;
  scored.result = Result(6.4, "fair", false);
  QuestionRecord skipped;
  skipped.id = "cache-stampede";
  skipped.status = QuestionStatus::kSkipped;
  QuestionRecord retired;
  retired.id = "retired|question\nv1";
  retired.status = QuestionStatus::kAsked;
  s.questions = {scored, skipped, retired};
  s.messages = {Said(1, MessageRole::kBot, MessageKind::kGreeting, "Hi Ada"),
                Said(2, MessageRole::kCandidate, MessageKind::kAnswer, "Keys | locks")};
  return s;
}

}  // namespace

TEST_CASE("SessionView: progress, the current question, scores and links") {
  const rubric::Bank bank = MiniBank();
  const Session s = Ended();
  const json view = SessionView(bank, s, false);
  CHECK(view == json{{"id", s.id},
                     {"name", "Ada"},
                     {"state", "finished"},
                     {"source", "web"},
                     {"created_at", "2025-11-28T18:00:00Z"},
                     {"updated_at", "2025-11-28T18:10:00Z"},
                     {"track", {{"kind", "all"}}},
                     {"progress", {{"index", 2}, {"total", 3}, {"answered", 2}}},
                     {"current", nullptr},
                     {"retrying", nullptr},
                     {"overall", 3.2},
                     {"questions",
                      {{{"id", "payment-retries"}, {"title", "Payment Retries"}, {"status", "scored"}, {"score", 6.4}},
                       {{"id", "cache-stampede"}, {"title", "Cache Stampede"}, {"status", "skipped"}, {"score", nullptr}},
                       {{"id", "retired|question\nv1"}, {"title", "retired|question\nv1"}, {"status", "asked"}, {"score", nullptr}}}},
                     {"links",
                      {{"self", "/s/" + s.id},
                       {"report", "/s/" + s.id + "/report"},
                       {"report_json", "/api/sessions/" + s.id + "/report.json"},
                       {"report_md", "/api/sessions/" + s.id + "/report.md"}}}});
  CHECK(SessionView(bank, s)["messages"].size() == 2);

  Session answering = s;
  answering.state = SessionState::kAnswering;
  answering.current = 1;
  answering.questions[1].asked_at_ms = kStart + 120000;
  const json current = SessionView(bank, answering)["current"];
  CHECK(current["id"] == "cache-stampede");
  CHECK(current["asked_at"] == "2025-11-28T18:02:00Z");
  CHECK_FALSE(current.contains("model_answer"));
}

TEST_CASE("ReportJson: per-question rows with gaps and attempts, a skipped question's gaps, the plan") {
  const rubric::Bank bank = MiniBank();
  const json r = ReportJson(bank, Ended());
  CHECK(r["overall"] == 3.2);
  CHECK(r["ended_early"] == true);
  const json no_coaching = {{"strengths", json::array()}, {"fixes", json::array()}, {"evidence", json::array()}};
  json scored = {{"number", 1}, {"id", "payment-retries"}, {"title", "Payment Retries"}, {"status", "scored"},
                 {"score", 6.4}, {"band", "fair"}, {"hints", 1}, {"follow_up", true}, {"time_to_answer_seconds", 90},
                 {"gaps", {{{"name", "Verification"}, {"points_lost", 2.0}, {"hint", "Say how you would know"}},
                           {{"name", "Numbers"}, {"points_lost", 0.5}, {"hint", "Put a number on it"}}}},
                 {"model_answer_seen", false},
                 {"attempts", {{{"attempt", 1}, {"score", 6.4}, {"skipped", false}, {"after_model_answer", false}}}}};
  // A skipped question lost all ten points: its gaps are all its steps, in equal shares.
  json skipped = {{"number", 2}, {"id", "cache-stampede"}, {"title", "Cache Stampede"}, {"status", "skipped"},
                  {"score", 0.0}, {"band", ""}, {"hints", 0}, {"follow_up", false}, {"time_to_answer_seconds", nullptr},
                  {"gaps", {{{"name", "Coalesce requests"}, {"points_lost", 5.0}, {"hint", "Read about request coalescing."}},
                            {{"name", "Refresh early"}, {"points_lost", 5.0}, {"hint", "Read about probabilistic early expiration."}}}},
                  {"model_answer_seen", false},
                  {"attempts", {{{"attempt", 1}, {"score", 0.0}, {"skipped", true}, {"after_model_answer", false}}}}};
  json asked = {{"number", 0}, {"id", "retired|question\nv1"}, {"title", "retired|question\nv1"}, {"status", "asked"},
                {"score", nullptr}, {"band", ""}, {"hints", 0}, {"follow_up", false}, {"time_to_answer_seconds", nullptr},
                {"gaps", json::array()}, {"model_answer_seen", false}, {"attempts", json::array()}};
  for (json* q : {&scored, &skipped, &asked}) q->update(no_coaching);
  scored["fixes"] = {"Add Verification (worth up to 2.0 points): nothing in your answer covers it yet. Say how you would know",
                     "Add Numbers (worth up to 0.5 points). Put a number on it"};
  CHECK(r["questions"] == json{scored, skipped, asked});
  CHECK(r["competencies"] == json{{{"name", "Distributed systems"}, {"coverage", 0.5}, {"questions", 1}},
                                  {{"name", "Operations"}, {"coverage", 0.25}, {"questions", 1}}});
  CHECK(r["study_plan"] ==
        json{{{"name", "Coalesce requests"}, {"points", 5.0}, {"hint", "Read about request coalescing."}, {"questions", {"Cache Stampede"}}},
             {{"name", "Refresh early"}, {"points", 5.0}, {"hint", "Read about probabilistic early expiration."}, {"questions", {"Cache Stampede"}}},
             {{"name", "Verification"}, {"points", 2.0}, {"hint", "Say how you would know"}, {"questions", {"Payment Retries"}}}});
  CHECK(r["strengths"] == json::array());
  CHECK(r["links"] == SessionLinks(Ended()));
  CHECK(ReportJson(bank, Ended(), "https://bot.example.com")["links"]["report"] ==
        "https://bot.example.com/s/" + Ended().id + "/report");
  CHECK(r["transcript"].size() == 2);
  CHECK(r["session"] == SessionView(bank, Ended(), false));
}

TEST_CASE("ReportJson: strengths quote the answers, and each attempt is listed with its own score") {
  const rubric::Bank bank = MiniBank();
  Session s = Ended();
  rubric::Result& first = *s.questions[0].result;
  first.steps = {{"prevent", "Prevent duplicates", 1.0, "covered",
                  {{"key", "Idempotency key", 0, 17, "an idempotency key", "answer"}}}};
  Attempt retry;
  retry.answer = "keys and a ledger";
  retry.result.score = 8.5;
  retry.after_model_answer = true;
  s.questions[0].retries = {retry};
  s.questions[0].model_answer_seen = true;
  const json r = ReportJson(bank, s);
  CHECK(r["strengths"] == json{{{"question", "Payment Retries"},
                                {"text", "You covered Prevent duplicates when you wrote \"an idempotency key\" (Idempotency key)."}}});
  CHECK(r["questions"][0]["evidence"] == json{{{"concept", "Idempotency key"}, {"quote", "an idempotency key"}}});
  CHECK(r["questions"][0]["score"] == 6.4);  // the first attempt's
  CHECK(r["questions"][0]["attempts"] ==
        json{{{"attempt", 1}, {"score", 6.4}, {"skipped", false}, {"after_model_answer", false}},
             {{"attempt", 2}, {"score", 8.5}, {"skipped", false}, {"after_model_answer", true}}});
  CHECK(r["overall"] == 3.2);
}

TEST_CASE("ReportJson's study plan: the three gaps worth most, summed over questions") {
  const rubric::Bank bank = MiniBank();
  Session s = Ended();
  s.questions[1] = s.questions[0];
  s.questions[1].id = "cache-stampede";
  for (int i = 0; i < 5; ++i) {
    s.questions[1].result->gaps.push_back({"step", "g" + std::to_string(i), "Gap " + std::to_string(i),
                                           0.1 * (i + 1), "", ""});
  }
  std::vector<std::string> names;
  std::vector<double> points;
  const json report = ReportJson(bank, s);
  for (const auto& g : report["study_plan"]) {
    names.push_back(g["name"]);
    points.push_back(g["points"]);
  }
  CHECK(names == std::vector<std::string>{"Verification", "Numbers", "Gap 4"});
  CHECK(points == std::vector<double>{4.0, 1.0, 0.5});
}

TEST_CASE("ReportMarkdown: the whole document, table cells escaped, links absolute") {
  const std::string md = ReportMarkdown(MiniBank(), Ended(), "https://bot.example.com");
  CHECK(md ==
        "# Interview report - Ada\n\n"
        "Started 2025-11-28T18:00:00Z, finished (ended early). Online: https://bot.example.com/s/"
        "0123456789abcdef0123456789abcdef/report\n\n"
        "**Overall: 3.2/10**\n\n"
        "## Strengths\n\n"
        "None recorded yet.\n"
        "\n## Study next\n\n"
        "1. **Coalesce requests** (up to 5.0 points): Read about request coalescing.\n"
        "2. **Refresh early** (up to 5.0 points): Read about probabilistic early expiration.\n"
        "3. **Verification** (up to 2.0 points): Say how you would know\n"
        "\n## Questions\n\n"
        "| # | Question | Score | Status | Hints | Time to answer |\n"
        "|---|---|---|---|---|---|\n"
        "| 1 | Payment Retries | 6.4 | scored | 1 | 90 s |\n"
        "| 2 | Cache Stampede | 0.0 | skipped | 0 | - |\n"
        "| 0 | retired\\|question v1 | - | asked | 0 | - |\n"
        "\n### 1. Payment Retries\n\n"
        "- Attempt 1: 6.4/10\n"
        "\nGaps:\n\n"
        "- Verification (-2.0): Say how you would know\n"
        "- Numbers (-0.5): Put a number on it\n"
        "\n### 2. Cache Stampede\n\n"
        "- Attempt 1: skipped (0.0)\n"
        "\nGaps:\n\n"
        "- Coalesce requests (-5.0): Read about request coalescing.\n"
        "- Refresh early (-5.0): Read about probabilistic early expiration.\n"
        "\n## Competencies\n\n"
        "- Distributed systems: 50%\n"
        "- Operations: 25%\n"
        "\n## Transcript\n\n"
        "**Interviewer** (greeting):\n\nHi Ada\n\n"
        "**You** (answer):\n\nKeys \\| locks\n\n");
}

TEST_CASE("ReportMarkdown: user text is literal: control characters removed, Markdown escaped") {
  Session s = Ended();
  s.name = std::string("Ada\0\x1b[31m ![x](https://evil.example/a.png)\n# Hired", 50);
  s.messages.resize(2);
  s.messages[1].text = "Keys\x07 and [a link](https://evil.example)\n# heading\n<script>";
  const std::string md = ReportMarkdown(MiniBank(), s);
  CHECK(md.rfind("# Interview report - Ada\\[31m \\!\\[x\\]\\(https://evil\\.example/a\\.png\\)\\# Hired\n\n", 0) == 0);
  CHECK(md.find("**You** (answer):\n\nKeys and \\[a link\\]\\(https://evil\\.example\\)\n\\# heading\n\\<script\\>\n\n") !=
        std::string::npos);
}

TEST_CASE("History: sessions newest first, and the concepts missed in at least two answers") {
  const rubric::Bank bank = MiniBank();
  Session first = Ended();
  Session second = Ended();
  second.id = "fedcba9876543210fedcba9876543210";
  second.created_ms = kStart + 86400000;
  second.questions[0].result = Result(8.0, "strong", true);  // reconciles this time
  const json h = History(bank, {second, first});
  CHECK(h["sessions"].size() == 2);
  CHECK(h["sessions"][0] == json{{"id", second.id},
                                 {"name", "Ada"},
                                 {"created_at", "2025-11-29T18:00:00Z"},
                                 {"state", "finished"},
                                 {"overall", 3.2},
                                 {"questions", 3},
                                 {"links", SessionView(bank, second, false)["links"]}});
  // Ledger was missed twice; Reconciliation once; the idempotency key never.
  CHECK(h["missed_concepts"] == json{{{"concept", "Ledger"}, {"question", "Payment Retries"}, {"times", 2}}});
  CHECK(History(bank, {})["missed_concepts"] == json::array());
  // Each concept's credit per interview, oldest first: Reconciliation was missed, then credited.
  CHECK(h["concept_progress"] == json{{{"concept", "Idempotency key"}, {"question", "Payment Retries"}, {"credits", {1.0, 1.0}}},
                                      {{"concept", "Reconciliation"}, {"question", "Payment Retries"}, {"credits", {0.0, 1.0}}},
                                      {{"concept", "Ledger"}, {"question", "Payment Retries"}, {"credits", {0.0, 0.0}}}});
}

}  // namespace bot
