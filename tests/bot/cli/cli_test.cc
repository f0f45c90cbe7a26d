#include "cli/cli.h"

#include <doctest/doctest.h>

#include "authoring/accepted_answers.h"
#include "store/sqlite_store.h"
#include "temp_path.h"
#include "test_util.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

struct Run {
  int code;
  std::string out, err;
};

Run RunWith(std::vector<std::string> argv, const std::string& stdin_text = "") {
  argv.insert(argv.begin(), "interview-bot");
  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  const int code = bot::RunCli(argv, {in, out, err});
  return {code, out.str(), err.str()};
}

const std::string kMini = "--content=" TEST_DATA_DIR "/mini-bank";

}  // namespace

TEST_CASE("Unknown commands, flags and ids exit 2 and list what is valid") {
  struct Case {
    std::vector<std::string> argv;
    std::string err;
  };
  const std::vector<Case> cases = {
      {{"grade"},
       "interview-bot: unknown command \"grade\"; valid commands: serve, healthcheck, score, "
       "questions, show, check-content, calibrate, derive-rubric, attack, import-csv, "
       "suggest-accepted\n"},
      {{"score", kMini}, "interview-bot score: --question is required (an id or a number)\n"},
      {{"score", kMini, "--question", "9"},
       "interview-bot score: unknown question \"9\"; valid: 1 payment-retries, 2 cache-stampede\n"},
      {{"show", kMini, "nope"},
       "interview-bot show: unknown question \"nope\"; valid: 1 payment-retries, 2 "
       "cache-stampede\n"},
      {{"show", kMini}, "interview-bot show: expected one question id or number\n"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.argv[0]);
    const Run r = RunWith(c.argv);
    CHECK(r.code == 2);
    CHECK(r.err == c.err);
  }
  const Run bad_flag = RunWith({"questions", "--colour"});
  CHECK(bad_flag.code == 2);
  CHECK(bad_flag.err.rfind(
            "interview-bot questions: unknown flag --colour; valid flags: --content, --json, --help\n",
            0) == 0);
}

TEST_CASE("Every command answers --help with its usage") {
  for (const char* command :
       {"score", "questions", "show", "check-content", "calibrate", "healthcheck",
        "derive-rubric", "attack", "import-csv", "suggest-accepted"}) {
    CAPTURE(command);
    const Run r = RunWith({command, "--help"});
    CHECK(r.code == 0);
    CHECK(r.out.rfind(std::string("Usage: interview-bot ") + command, 0) == 0);
  }
  const Run top = RunWith({"--help"});
  CHECK(top.code == 0);
  CHECK(top.out.find("check-content") != std::string::npos);
}

TEST_CASE("score reads stdin and prints the result as JSON") {
  const Run r = RunWith({"score", kMini, "--question", "1", "--json"},
                        "We give each payment attempt an idempotency key and keep it under a "
                        "unique constraint so that a retry returns the first result.");
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["question"] == "payment-retries");
  CHECK(j["steps"][0]["status"] == "covered");
  CHECK(j["steps"][1]["status"] == "missing");
}

TEST_CASE("score --batch writes one result per line, the same as one score at a time") {
  const std::string answer =
      "We give each payment attempt an idempotency key and keep it under a unique constraint so "
      "that a retry returns the first result.";
  const Run one = RunWith({"score", kMini, "--question", "1", "--json"}, answer);
  REQUIRE(one.code == 0);
  nlohmann::json expected = nlohmann::json::parse(one.out);
  const std::string lines =
      nlohmann::json({{"id", "a"}, {"question", 1}, {"answer", answer}}).dump() + "\n\n" +
      nlohmann::json({{"question", "cache-stampede"}, {"answer", "TTL jitter."}}).dump() + "\n";
  const Run batch = RunWith({"score", kMini, "--batch", "-"}, lines);
  CHECK(batch.code == 0);
  CHECK(batch.err == "");
  std::istringstream out(batch.out);
  std::string first, second, third;
  std::getline(out, first);
  std::getline(out, second);
  CHECK_FALSE(std::getline(out, third));
  expected["id"] = "a";
  CHECK(nlohmann::json::parse(first) == expected);
  CHECK(nlohmann::json::parse(second)["question"] == "cache-stampede");
}

TEST_CASE("score --batch answers each bad line with its line, field and reason, then exits 1") {
  const std::string lines = "{\"question\": 1}\nnot json\n{\"question\": 9, \"answer\": \"x\", \"id\": 7}\n"
                            "{\"question\": 1, \"answer\": \"x\", \"follow_up\": 3}\n";
  const Run r = RunWith({"score", kMini, "--batch", "-"}, lines);
  CHECK(r.code == 1);
  CHECK(r.out ==
        "{\"error\":{\"field\":\"answer\",\"message\":\"answer is required: a string\"},\"line\":1}\n"
        "{\"error\":{\"field\":\"\",\"message\":\"the line is not a JSON object\"},\"line\":2}\n"
        "{\"error\":{\"field\":\"question\",\"message\":\"unknown question \\\"9\\\"; valid: 1 "
        "payment-retries, 2 cache-stampede\"},\"id\":7,\"line\":3}\n"
        "{\"error\":{\"field\":\"follow_up\",\"message\":\"follow_up must be a string\"},\"line\":4}\n");
  CHECK(r.err == "interview-bot score: 4 line(s) could not be scored\n");
  const Run mixed = RunWith({"score", kMini, "--batch", "-", "--question", "1"}, lines);
  CHECK(mixed.code == 2);
  CHECK(mixed.err == "interview-bot score: --batch takes each line's question and answer; drop "
                     "--question, --file and --follow-up\n");
  CHECK(RunWith({"score", kMini, "--batch", "/no/such/file"}).err ==
        "interview-bot score: cannot read --batch /no/such/file\n");
}

TEST_CASE("score checks only the asked question's patterns, and reports one that does not compile") {
  // The mini bank with one pattern of question 2 broken.
  const std::string dir = bot::TempPath("bank-with-a-bad-pattern");
  std::filesystem::create_directories(dir);
  for (const auto& entry : std::filesystem::directory_iterator(TEST_DATA_DIR "/mini-bank")) {
    std::filesystem::copy_file(entry.path(), dir + "/" + entry.path().filename().string());
  }
  const std::string file = dir + "/02-cache-stampede.json";
  std::string text;
  {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    text = ss.str();
  }
  const std::string good = "\"patterns\": [\"stale\"]";
  REQUIRE(text.find(good) != std::string::npos);
  text.replace(text.find(good), good.size(), "\"patterns\": [\"stale(\"]");
  std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
  rubric::Status status;
  REQUIRE_FALSE(rubric::LoadBank(dir, &status));  // loading checks every pattern by default
  REQUIRE(status.problems().size() == 1);
  const rubric::Problem problem = status.problems()[0];
  const std::string content = "--content=" + dir;

  const Run one = RunWith({"score", content, "--question", "1"}, "We use idempotency keys.");
  CHECK(one.code == 0);
  const Run two = RunWith({"score", content, "--question", "2"}, "Serve stale data.");
  CHECK(two.code == 1);
  // Where the problem is, as check-content says it: the bank, the file, the field.
  const std::string described = "the question bank in " + dir + ": 02-cache-stampede.json: " +
                                problem.field + ": " + problem.reason;
  CHECK(problem.where == "02-cache-stampede.json");
  CHECK(two.err == "interview-bot score: " + described + "\n");
  const Run batch = RunWith({"score", content, "--batch", "-"},
                            "{\"question\": 2, \"answer\": \"x\"}\n{\"question\": 1, \"answer\": \"x\"}\n");
  CHECK(batch.code == 1);
  const std::string first = batch.out.substr(0, batch.out.find('\n'));
  CHECK(nlohmann::json::parse(first) ==
        nlohmann::json{{"line", 1},
                       {"error", {{"field", problem.field}, {"message", described}}}});
  CHECK(nlohmann::json::parse(batch.out.substr(first.size() + 1)).contains("score"));
}

TEST_CASE("score rejects an answer over the limit with the limit in the message") {
  const Run r = RunWith({"score", kMini, "--question", "1"}, std::string(20001, 'x'));
  CHECK(r.code == 1);
  CHECK(r.err == "interview-bot score: answer is 20001 characters; the limit is 20000\n");
}

TEST_CASE("check-content reports every problem of a bad bank and exits 1") {
  const Run ok = RunWith({"check-content", TEST_DATA_DIR "/mini-bank"});
  CHECK(ok.code == 0);
  CHECK(ok.out == "OK: " TEST_DATA_DIR
                  "/mini-bank: 2 questions, 10 concepts, 1 red flags, 20 patterns\n");
  const Run missing = RunWith({"check-content", "/nonexistent"});
  CHECK(missing.code == 1);
  CHECK(missing.err ==
        "interview-bot: the question bank in /nonexistent has problems:\n"
        "/nonexistent: not a directory (a bank is a directory of .json files)\n");
}

TEST_CASE("questions lists the bank; show prints one question") {
  const Run list = RunWith({"questions", kMini});
  CHECK(list.code == 0);
  CHECK(list.out ==
        " 1  payment-retries                 High      Payment Retries\n"
        " 2  cache-stampede                  High      Cache Stampede\n");
  const Run show = RunWith({"show", kMini, "2", "--json"});
  CHECK(show.code == 0);
  CHECK(nlohmann::json::parse(show.out)["framework"]["name"] == "Coalesce and Refresh");
}

TEST_CASE("calibrate prints agreement figures for a graded file") {
  const std::string path = std::string(TEST_DATA_DIR) + "/mini-graded.jsonl";
  const Run r = RunWith({"calibrate", kMini, "--answers", path});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("answers=4 spearman=") != std::string::npos);
  CHECK(r.out.find("adversarial_max=") != std::string::npos);
  const Run missing = RunWith({"calibrate", kMini, "--answers", "/nonexistent.jsonl"});
  CHECK(missing.code == 2);
  CHECK(missing.err == "interview-bot calibrate: cannot read --answers /nonexistent.jsonl\n");
}

TEST_CASE("suggest-accepted prints the answers to accept, best first, for an author to review") {
  const std::string csv = bot::TempPath("queues.csv"), dir = bot::TempPath("queues");
  std::ofstream(csv) << "id,question,model_answer\n"
                        "queue,What is a queue?,A list where the first element in is the first out.\n"
                        "stack,What is a stack?,A list where the last element in is the first out.\n";
  REQUIRE(RunWith({"import-csv", csv, dir, "--answer-style", "short"}).code == 0);
  const std::string answers =
      "A kind of tree used in computers.\n"
      "\n"
      "  Elements come out of the list in the order they went in.\r\n"
      "The first element put in the list is the first one out.\n";
  const Run r = RunWith({"suggest-accepted", "--content=" + dir, "queue", "-"}, answers);
  REQUIRE(r.code == 0);

  rubric::Status status;
  auto bank = rubric::LoadBank(dir, &status);
  REQUIRE(bank);
  auto scorer = rubric::Scorer::Compile(*bank, &status);
  REQUIRE(scorer);
  const auto expected = bot::SuggestAccepted(
      *scorer, "queue",
      {"A kind of tree used in computers.", "Elements come out of the list in the order they went in.",
       "The first element put in the list is the first one out."},
      3);
  REQUIRE(expected.size() == 2);
  nlohmann::json accepted = nlohmann::json::array(), scores = nlohmann::json::array();
  for (const auto& s : expected) accepted.push_back(s.answer), scores.push_back(s.score);
  CHECK(nlohmann::json::parse(r.out) ==
        nlohmann::json{{"question", "queue"}, {"accepted_answers", accepted}, {"scores", scores}});
  CHECK(r.err == "2 of 3 answers suggested (each scores at least 5.0); review them before adding "
                 "them to 01-queue.json\n");

  struct Case {
    std::vector<std::string> argv;
    int code;
    std::string err;
  };
  const std::vector<Case> cases = {
      {{"suggest-accepted", "--content=" + dir, "queue"},
       2,
       "interview-bot suggest-accepted: expected a question id and either a file of answers, one "
       "per line ('-' for stdin), or --db\n"},
      {{"suggest-accepted", "--content=" + dir, "queue", "-", "--db", bot::TempPath("none.db")},
       2,
       "interview-bot suggest-accepted: expected a question id and either a file of answers, one "
       "per line ('-' for stdin), or --db\n"},
      {{"suggest-accepted", "--content=" + dir, "queue", "--db", bot::TempPath("none.db")},
       1,
       "interview-bot suggest-accepted: no database file at " + bot::TempPath("none.db") + "\n"},
      {{"suggest-accepted", "--content=" + dir, "queue", "-", "--top", "0"},
       2,
       "interview-bot suggest-accepted: --top must be a whole number from 1 to 100, not \"0\"\n"},
      {{"suggest-accepted", "--content=" + dir, "heap", "-"},
       1,
       "interview-bot suggest-accepted: unknown question \"heap\"; valid: 1 queue, 2 stack\n"},
      {{"suggest-accepted", "--content=" + dir, "queue", "/nonexistent.txt"},
       1,
       "interview-bot suggest-accepted: cannot read /nonexistent.txt\n"},
      {{"suggest-accepted", kMini, "1", "-"},
       1,
       "interview-bot suggest-accepted: accepted answers count only in a bank whose bank.json "
       "sets \"answer_style\": \"short\"\n"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.err);
    const Run bad = RunWith(c.argv, answers);
    CHECK(bad.code == c.code);
    CHECK(bad.err == c.err);
  }
  const Run empty = RunWith({"suggest-accepted", "--content=" + dir, "queue", "-"}, "\n \n");
  CHECK(empty.code == 1);
  CHECK(empty.err == "interview-bot suggest-accepted: - holds no answers to queue (one per line)\n");

  // The same answers, given in interviews and stored by the server, suggest the same.
  const std::string db = bot::TempPath("suggest.db");
  {
    std::string error;
    auto store = bot::SqliteStore::Open(db, 1, &error);
    REQUIRE(store);
    const std::vector<std::string> given = {
        "A kind of tree used in computers.", "Elements come out of the list in the order they went in.",
        "The first element put in the list is the first one out."};
    for (size_t i = 0; i < given.size(); ++i) {
      bot::Session s;
      s.id = "s" + std::to_string(i);
      s.created_ms = static_cast<int64_t>(i);
      s.questions = {bot::QuestionRecord{}};
      s.questions[0].id = "queue";
      s.questions[0].answer = given[i];
      REQUIRE_FALSE(store->Commit({&s}));
    }
  }
  const Run from_db = RunWith({"suggest-accepted", "--content=" + dir, "queue", "--db", db});
  CHECK(from_db.code == 0);
  CHECK(from_db.out == r.out);
  const Run none = RunWith({"suggest-accepted", "--content=" + dir, "stack", "--db", db});
  CHECK(none.code == 1);
  CHECK(none.err == "interview-bot suggest-accepted: " + db + " holds no answers to stack\n");
}

TEST_CASE("import-csv refuses accepted answers for a bank of interview answers") {
  const std::string csv = bot::TempPath("accepted.csv");
  std::ofstream(csv) << "id,question,model_answer,accepted_answers\n"
                        "queue,What is a queue?,A first in first out list.,The oldest leaves first.\n";
  const Run r = RunWith({"import-csv", csv, bot::TempPath("accepted")});
  CHECK(r.code == 2);
  CHECK(r.err == "interview-bot import-csv: " + csv +
                     ": column accepted_answers counts only with --answer-style short\n");
  CHECK(RunWith({"import-csv", csv, bot::TempPath("accepted"), "--answer-style", "short"}).code == 0);
}
