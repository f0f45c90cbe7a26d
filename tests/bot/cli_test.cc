#include "cli.h"

#include <doctest/doctest.h>

#include "test_util.h"

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
       "questions, show, check-content, calibrate, derive-rubric, attack, import-csv\n"},
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
       {"score", "questions", "show", "check-content", "calibrate", "healthcheck"}) {
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
