// The API's pure request parsers: whole requests out for good bodies, exact Errors for bad ones,
// including the inputs the fuzzers found (fuzz/corpus regressions are listed last).
#include "http/api_requests.h"

#include <doctest/doctest.h>

#include <sstream>

#include "http/responses.h"

namespace {

std::string Show(const bot::MaybeError& e) {
  if (!e) return "ok";
  std::ostringstream os;
  os << bot::StatusFor(e->kind) << " " << e->code << " [" << e->field << "] " << e->message;
  return os.str();
}

std::string Show(const bot::StartRequest& r) {
  std::string questions;
  for (const auto& q : r.track.questions) questions += (questions.empty() ? "" : ",") + q;
  return r.name + "|" + r.client_id + "|" + r.track.kind + "|" + r.track.value + "|" +
         std::to_string(r.track.count) + "|" + questions;
}

}  // namespace

TEST_CASE("Start requests parse into whole values") {
  struct Case {
    std::string body, parsed;
  };
  const std::vector<Case> cases = {
      {"{}", "||all||0|"},
      {R"({"name":"Ada","client_id":"b-1","track":null})", "Ada|b-1|all||0|"},
      {R"({"track":{"kind":"random"}})", "||random||5|"},
      {R"({"track":{"kind":"random","count":-5000000}})", "||random||-1|"},
      {R"({"track":{"kind":"custom","questions":[2,"cache-stampede"]}})", "||custom||0|2,cache-stampede"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.body);
    bot::StartRequest r;
    CHECK(Show(bot::ParseStartRequest(c.body, &r)) == "ok");
    CHECK(Show(r) == c.parsed);
  }
}

TEST_CASE("Invalid UTF-8 is a 400 naming the field that holds it") {
  struct Case {
    std::string body, error;
  };
  const std::vector<Case> cases = {
      {"{\"name\":\"\xff\"}", "400 invalid_utf8 [name] name is not valid UTF-8"},
      {"{\"track\":{\"kind\":\"role\",\"value\":\"\xc3\"}}",
       "400 invalid_utf8 [track.value] track.value is not valid UTF-8"},
      {"{\"track\":{\"kind\":\"custom\",\"questions\":[\"a\",\"\xfe\"]}}",
       "400 invalid_utf8 [track.questions] track.questions is not valid UTF-8"},
      {"{\"track\":{\"kind\":\"all\"},\"name\":\"\xed\xa0\x80\"}", "400 invalid_utf8 [name] name is not valid UTF-8"},
      {"{\"track\":{\"kind\":\"all\"},\"\xff\":1}", "400 invalid_utf8 [] the body is not valid UTF-8"},
      {"{\"track\":{\"kind\":\"all\",\"\xff\":1}}", "400 invalid_utf8 [track] track is not valid UTF-8"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.body);
    bot::StartRequest r;
    CHECK(Show(bot::ParseStartRequest(c.body, &r)) == c.error);
  }
}

TEST_CASE("Score and message requests") {
  bot::ScoreRequest score;
  CHECK(Show(bot::ParseScoreRequest(R"({"question":4,"answer":"a","follow_up":null})", &score)) == "ok");
  CHECK(score.question + "|" + score.answer + "|" + score.follow_up + "|" + std::to_string(score.has_follow_up) ==
        "4|a||1");
  bot::Input input;
  CHECK(Show(bot::ParseMessageRequest(R"({"command":"hint","text":null})", &input)) == "ok");
  CHECK(input.command + "|" + input.text == "hint|");
  CHECK(Show(bot::ParseMessageRequest("{\"text\":\"\x80\"}", &input)) ==
        "400 invalid_utf8 [text] text is not valid UTF-8");
}

// Inputs the fuzzers found (fuzz/api_request_fuzzer); each crashed before its fix.
TEST_CASE("Fuzzer-found request bodies are answered with errors") {
  struct Case {
    std::string name, body, error;
  };
  const std::vector<Case> cases = {
      // Crash 1: a number beyond double range threw json::out_of_range past ParseBody: a 500.
      {"crash-e386b52c: overflowing number",
       std::string("8888888888888888888e888\xff,888888888{\"te\x03\x03\x03trin\x03[\xed\x03\x03\x03\x03\x03\x03*\x01{\"na\x03\x03" "e\":", 65),
       "400 invalid_json [] the body holds a number too large to represent"},
      {"overflowing number in a field", R"({"text":1e999})",
       "400 invalid_json [text] text holds a number too large to represent"},
      {"overflowing negative number", R"({"track":{"kind":"random","count":-1e400}})",
       "400 invalid_json [track.count] track.count holds a number too large to represent"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    bot::Input input;
    CHECK(Show(bot::ParseMessageRequest(c.body, &input)) == c.error);
  }
}
