#include "rubric/bank.h"

#include <doctest/doctest.h>

#include "test_util.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

nlohmann::json MiniQuestion() {
  return nlohmann::json::parse(ReadFile(TEST_DATA_DIR "/mini-bank/01-payment-retries.json"));
}

// A fresh empty directory under the system temp dir, removed at scope exit.
struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& name)
      : path(std::filesystem::temp_directory_path() / ("interview-bot-test-" + name)) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  void Write(const std::string& file, const std::string& text) const {
    std::ofstream(path / file) << text;
  }
};

}  // namespace

TEST_CASE("The mini bank loads whole, in number order") {
  rubric::Status status;
  auto bank = rubric::LoadBank(TEST_DATA_DIR "/mini-bank", &status);
  REQUIRE(status.ok());
  REQUIRE(bank);
  CHECK(bank->name == "Mini bank for unit tests");
  REQUIRE(bank->questions.size() == 2);
  CHECK(bank->questions[0].id == "payment-retries");
  CHECK(bank->Find("2") == &bank->questions[1]);
  CHECK(bank->Find("cache-stampede") == &bank->questions[1]);
  CHECK(bank->Find("3") == nullptr);
  CHECK(bank->ValidIds() == "1 payment-retries, 2 cache-stampede");
  const rubric::Question& q = bank->questions[0];
  CHECK(q.rubric.version == "1.2.0");
  CHECK(q.steps[0].probe == "What stops the retry from charging again?");
  CHECK(q.competencies[1].concepts ==
        std::vector<std::string>{"replay-test", "duplicate-alert", "refund-duplicates"});
}

TEST_CASE("ParseQuestion names the field and the reason of every problem") {
  struct Case {
    std::string name;
    const char* pointer;
    nlohmann::json value;
    std::vector<rubric::Problem> expected;
  };
  const std::string f = "q.json";
  const std::vector<Case> cases = {
      {"id not kebab-case", "/id", "Payment_Retries",
       {{f, "id", "must be kebab-case: lower-case letters and digits joined by single '-'"}}},
      {"number wrong type", "/number", "one", {{f, "number", "must be an integer, found string"}}},
      {"score out of range", "/reference_score", 11,
       {{f, "reference_score", "must be between 0 and 10"}}},
      {"unknown field", "/colour", "blue",
       {{f, "colour",
         "unknown field; allowed here: $schema, number, id, title, difficulty, role, level, "
         "company_examples, question, scenario, constraints, tests, framework, model_answer, "
         "reference_score, score_rationale, key_terms, accepted_answers, time_limit_minutes, rubric"}}},
      {"bad pattern", "/rubric/concepts/0/patterns/0", "(unclosed",
       {{f, "rubric.concepts[0].patterns[0]", "does not compile as RE2: missing ): (unclosed"}}},
      {"unknown step", "/rubric/concepts/0/steps/0", "nope",
       {{f, "rubric.concepts[0].steps[0]", "unknown framework step \"nope\""}}},
      {"weight out of range", "/rubric/concepts/1/weight", 7,
       {{f, "rubric.concepts[1].weight", "must be between 1 and 3"}}},
      {"unknown competency concept", "/rubric/competencies/0/concepts/0", "ghost",
       {{f, "rubric.competencies[0].concepts[0]", "unknown concept \"ghost\""}}},
      {"empty probe", "/rubric/steps/0/probe", "", {{f, "rubric.steps[0].probe", "must not be empty"}}},
      {"bad version", "/rubric/version", "v1", {{f, "rubric.version", "must be a semantic version like 1.0.0"}}},
      {"penalty too big", "/rubric/red_flags/0/penalty", 9,
       {{f, "rubric.red_flags[0].penalty", "must be between 0 and 5"}}},
      {"wrong conclusion pattern", "/rubric/wrong_conclusions/0/patterns/0", "[z-a]",
       {{f, "rubric.wrong_conclusions[0].patterns[0]",
         "does not compile as RE2: invalid character class range: z-a"}}},
      {"wrong conclusion id", "/rubric/wrong_conclusions/0/id", "Two Phase",
       {{f, "rubric.wrong_conclusions[0].id", "must be kebab-case"}}},
      {"wrong conclusion field", "/rubric/wrong_conclusions/0/penalty", 2,
       {{f, "rubric.wrong_conclusions[0].penalty",
         "unknown field; allowed here: id, name, patterns, feedback"}}},
      {"wrong conclusion feedback", "/rubric/wrong_conclusions/0/feedback", "",
       {{f, "rubric.wrong_conclusions[0].feedback", "must not be empty"}}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    nlohmann::json q = MiniQuestion();
    q[nlohmann::json::json_pointer(c.pointer)] = c.value;
    std::vector<rubric::Problem> problems;
    CHECK_FALSE(rubric::ParseQuestion(q.dump(), f, &problems).has_value());
    CHECK(problems == c.expected);
  }
}

TEST_CASE("ParseQuestion reports missing fields and invalid JSON") {
  nlohmann::json q = MiniQuestion();
  q.erase("title");
  q["framework"].erase("steps");
  std::vector<rubric::Problem> problems;
  CHECK_FALSE(rubric::ParseQuestion(q.dump(), "q.json", &problems));
  REQUIRE(problems.size() >= 2);
  CHECK(problems[0] == rubric::Problem{"q.json", "title", "required field is missing"});
  CHECK(problems[1] == rubric::Problem{"q.json", "framework.steps", "required field is missing"});

  problems.clear();
  q = MiniQuestion();
  q["rubric"]["concepts"][4]["steps"] = {"prevent"};
  q["rubric"]["concepts"][5]["steps"] = {"prevent"};
  CHECK_FALSE(rubric::ParseQuestion(q.dump(), "q.json", &problems));
  CHECK(problems == std::vector<rubric::Problem>{
                        {"q.json", "rubric.concepts", "framework step \"verify\" has no concept"}});

  problems.clear();
  CHECK_FALSE(rubric::ParseQuestion("{\"id\": ", "bad.json", &problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].where == "bad.json");
  CHECK(problems[0].reason.rfind("invalid JSON: ", 0) == 0);
}

// Found while fuzzing: nlohmann reports a number beyond double range as out_of_range, not
// parse_error, and it escaped ParseQuestion and LoadBank as an exception.
TEST_CASE("A number too large for a double is a problem, not an exception") {
  std::vector<rubric::Problem> problems;
  CHECK_FALSE(rubric::ParseQuestion("{\"number\": 1e999}", "big.json", &problems));
  CHECK(problems == std::vector<rubric::Problem>{
                        {"big.json", "",
                         "invalid JSON: [json.exception.out_of_range.406] number overflow parsing '1e999'"}});
}

TEST_CASE("A bank with one bad file does not load at all") {
  TempDir dir("half-bad");
  dir.Write("01-good.json", MiniQuestion().dump());
  nlohmann::json bad = MiniQuestion();
  bad["number"] = 2;
  bad["id"] = "second";
  bad["rubric"]["concepts"][0]["patterns"][0] = "(";
  dir.Write("02-bad.json", bad.dump());
  rubric::Status status;
  CHECK_FALSE(rubric::LoadBank(dir.path.string(), &status));
  REQUIRE(status.problems().size() == 1);
  CHECK(status.problems()[0].ToString() ==
        "02-bad.json: rubric.concepts[0].patterns[0]: does not compile as RE2: missing ): (");
}

TEST_CASE("Problems of many files come in file order, whichever thread parsed each") {
  TempDir dir("many-bad");
  std::string expected;
  for (int i = 1; i <= 8; ++i) {
    nlohmann::json bad = MiniQuestion();
    bad["number"] = i;
    bad["id"] = "q" + std::to_string(i);
    bad["rubric"]["concepts"][0]["patterns"][0] = std::string(i, '(');
    const std::string file = "0" + std::to_string(i) + "-bad.json";
    dir.Write(file, bad.dump());
    expected += file + ": rubric.concepts[0].patterns[0]: does not compile as RE2: missing ): " +
                std::string(i, '(') + "\n";
  }
  rubric::Status status;
  CHECK_FALSE(rubric::LoadBank(dir.path.string(), &status));
  CHECK(status.ToString() == expected);
}

TEST_CASE("Duplicate ids and numbers across files are reported with both files") {
  TempDir dir("dupes");
  dir.Write("01-a.json", MiniQuestion().dump());
  dir.Write("02-b.json", MiniQuestion().dump());
  rubric::Status status;
  CHECK_FALSE(rubric::LoadBank(dir.path.string(), &status));
  CHECK(status.ToString() ==
        "02-b.json: id: \"payment-retries\" is also the id of 01-a.json\n"
        "02-b.json: number: 1 is also the number of 01-a.json\n");
}

TEST_CASE("A missing or empty directory is an error, not an empty bank") {
  rubric::Status status;
  CHECK_FALSE(rubric::LoadBank("/nonexistent/bank", &status));
  CHECK(status.ToString() ==
        "/nonexistent/bank: not a directory (a bank is a directory of .json files)\n");
  TempDir dir("empty");
  CHECK_FALSE(rubric::LoadBank(dir.path.string(), &status));
  CHECK(status.problems()[0].reason == "holds no question files (*.json)");
}

TEST_CASE("ToJson writes a question that parses back to the same question") {
  rubric::Status status;
  auto bank = rubric::LoadBank(TEST_DATA_DIR "/mini-bank", &status);
  REQUIRE(bank);
  const nlohmann::json once = rubric::ToJson(bank->questions[0]);
  std::vector<rubric::Problem> problems;
  auto again = rubric::ParseQuestion(once.dump(), "again.json", &problems);
  REQUIRE(again);
  CHECK(rubric::ToJson(*again) == once);
  CHECK(once == MiniQuestion());
}

TEST_CASE("A question whose rubric is still to be derived writes no rubric and parses back as one") {
  // Found by question_loader_fuzzer: it used to write an empty rubric, which does not parse.
  std::vector<rubric::Problem> problems;
  auto q = rubric::ParseQuestion(
      R"({"number": 1, "id": "queue", "title": "Queues", "question": "What is a queue?",
          "model_answer": "A first in first out list."})",
      "01-queue.json", &problems);
  REQUIRE(q);
  const nlohmann::json once = rubric::ToJson(*q);
  CHECK_FALSE(once.contains("rubric"));
  auto again = rubric::ParseQuestion(once.dump(), "again.json", &problems);
  CHECK(problems == std::vector<rubric::Problem>{});
  REQUIRE(again);
  CHECK(again->rubric.derived);
  CHECK(rubric::ToJson(*again) == once);
}

TEST_CASE("Accepted answers load in a short-answer bank, write back, and are refused elsewhere") {
  TempDir dir("accepted");
  const std::string question =
      R"({"number": 1, "id": "queue", "title": "Queues", "question": "What is a queue?",
          "model_answer": "A first in first out list.",
          "accepted_answers": ["The oldest item leaves first.", "Like a line at a shop."]})";
  dir.Write("01-queue.json", question);
  dir.Write("bank.json", R"({"name": "Short", "answer_style": "short"})");
  rubric::Status status;
  auto bank = rubric::LoadBank(dir.path.string(), &status);
  REQUIRE(bank);
  const std::vector<std::string> accepted = {"The oldest item leaves first.", "Like a line at a shop."};
  CHECK(bank->questions[0].accepted_answers == accepted);
  CHECK(rubric::ToJson(bank->questions[0])["accepted_answers"] == nlohmann::json(accepted));

  dir.Write("bank.json", R"({"name": "Interview"})");
  CHECK_FALSE(rubric::LoadBank(dir.path.string(), &status));
  CHECK(status.ToString() ==
        "01-queue.json: accepted_answers: counts only in a bank whose bank.json sets "
        "\"answer_style\": \"short\"\n");
}
