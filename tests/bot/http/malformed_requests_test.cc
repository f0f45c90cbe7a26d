// Malformed-input catalogue: bad requests sent as raw bytes to the real server on port 0. Each gets
// its exact 4xx status and a JSON error naming the problem (code, field, message), and the server
// answers a good request right after each one.
#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "bot/http/test_server.h"

namespace {

struct Reply {
  std::string status_line, code, field, message;
  bool operator==(const Reply& o) const {
    return status_line == o.status_line && code == o.code && field == o.field && message == o.message;
  }
};

std::ostream& operator<<(std::ostream& os, const Reply& r) {
  return os << "{" << r.status_line << " | " << r.code << " | " << r.field << " | " << r.message << "}";
}

Reply Parse(const std::string& raw) {
  const size_t head = raw.find("\r\n\r\n");
  const auto body = nlohmann::json::parse(head == std::string::npos ? "" : raw.substr(head + 4),
                                          nullptr, false);
  Reply r{raw.substr(0, raw.find("\r\n")), "(no JSON error)", "", ""};
  if (body.is_object() && body.contains("error")) {
    r.code = body["error"].value("code", "");
    r.field = body["error"].value("field", "");
    r.message = body["error"].value("message", "");
  }
  return r;
}

std::string Request(const std::string& method, const std::string& path, const std::string& headers,
                    const std::string& body) {
  return method + " " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + headers +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::string PostJson(const std::string& path, const std::string& body) {
  return Request("POST", path, "Content-Type: application/json\r\n", body);
}

std::string Get(const std::string& path) {
  return "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
}

const std::string kValidIds = "1 payment-retries, 2 cache-stampede";
const std::string kUnknownId = "ffffffffffffffffffffffffffffffff";
const std::string kBadRequest = "HTTP/1.1 400 Bad Request";
const std::string kNotFound = "HTTP/1.1 404 Not Found";
const std::string kTooLarge = "HTTP/1.1 413 Payload Too Large";
const std::string kUnsupported = "HTTP/1.1 415 Unsupported Media Type";

Reply Invalid(const std::string& field, const std::string& message) {
  return {kBadRequest, "invalid_field", field, message};
}
Reply BadJson(int byte) {
  return {kBadRequest, "invalid_json", "", "the body is not valid JSON (error at byte " + std::to_string(byte) + ")"};
}
Reply BadUtf8(const std::string& field) {
  return {kBadRequest, "invalid_utf8", field, (field.empty() ? "the body" : field) + " is not valid UTF-8"};
}

}  // namespace

TEST_CASE("Every malformed request gets its exact 4xx and JSON error, and the server keeps serving") {
  bot::TestServer server;
  auto [created_status, created] = server.Post("/api/sessions", {{"track", {{"kind", "all"}}}});
  REQUIRE(created_status == 201);
  const std::string messages = "/api/sessions/" + created["id"].get<std::string>() + "/messages";
  const std::string unsupported_type = "the body must be JSON with Content-Type: application/json";
  const std::string questions_type = "track.questions must be an array of question ids or numbers";
  std::string thousand_and_one = "[";
  for (int i = 0; i < 1001; ++i) thousand_and_one += (i ? ",1" : "1");
  thousand_and_one += "]";
  std::string a_20001_e_acute;
  for (int i = 0; i < 20001; ++i) a_20001_e_acute += "\xc3\xa9";
  struct Case {
    std::string name, request;
    Reply expected;
  };
  const std::vector<Case> cases = {
      // Bad JSON.
      {"empty body", PostJson("/api/score", ""), BadJson(1)},
      {"truncated object", PostJson("/api/score", R"({"question":1,)"), BadJson(15)},
      {"trailing garbage", PostJson("/api/score", R"({"question":1}x)"), BadJson(15)},
      {"single quotes", PostJson("/api/score", "{'question':1}"), BadJson(2)},
      {"comment", PostJson("/api/score", R"({/* hi */"question":1})"), BadJson(2)},
      {"NaN literal", PostJson("/api/score", R"({"question":1,"answer":NaN})"), BadJson(24)},
      {"lone surrogate escape", PostJson(messages, R"({"text":"\ud800"})"), BadJson(16)},
      {"array body", PostJson("/api/score", "[]"),
       {kBadRequest, "invalid_json", "", "the body must be a JSON object"}},
      {"string body", PostJson("/api/sessions", R"("hi")"),
       {kBadRequest, "invalid_json", "", "the body must be a JSON object"}},
      {"20000-deep array", PostJson("/api/score", std::string(20000, '[') + std::string(20000, ']')),
       {kBadRequest, "invalid_json", "", "the body must be a JSON object"}},
      // Wrong types.
      {"answer a number", PostJson("/api/score", R"({"question":1,"answer":5})"),
       Invalid("answer", "answer must be a string")},
      {"follow_up an object", PostJson("/api/score", R"({"question":1,"answer":"a","follow_up":{}})"),
       Invalid("follow_up", "follow_up must be a string")},
      {"question a float", PostJson("/api/score", R"({"question":1.5,"answer":"a"})"),
       Invalid("question", "question must be a question id or number")},
      {"question null", PostJson("/api/score", R"({"question":null,"answer":"a"})"),
       Invalid("question", "question must be a question id or number")},
      {"client_id a number", PostJson("/api/sessions", R"({"client_id":7})"),
       Invalid("client_id", "client_id must be a string")},
      {"track.kind a number", PostJson("/api/sessions", R"({"track":{"kind":1}})"),
       Invalid("track.kind", "track.kind must be a string")},
      {"track.value an array", PostJson("/api/sessions", R"({"track":{"kind":"role","value":[]}})"),
       Invalid("track.value", "track.value must be a string")},
      {"track.count a string", PostJson("/api/sessions", R"({"track":{"kind":"random","count":"2"}})"),
       Invalid("track.count", "track.count must be an integer")},
      {"track.count over 2^63", PostJson("/api/sessions", R"({"track":{"kind":"random","count":18446744073709551615}})"),
       Invalid("track.count", "track.count must be between 1 and 2")},
      {"track.questions an object", PostJson("/api/sessions", R"({"track":{"kind":"custom","questions":{}}})"),
       Invalid("track.questions", questions_type)},
      {"track.questions of booleans", PostJson("/api/sessions", R"({"track":{"kind":"custom","questions":[true]}})"),
       Invalid("track.questions", questions_type)},
      {"command a number", PostJson(messages, R"({"command":3})"), Invalid("command", "command must be a string")},
      {"text a boolean", PostJson(messages, R"({"text":true})"), Invalid("text", "text must be a string")},
      // Missing or unknown values.
      {"no question", PostJson("/api/score", R"({"answer":"a"})"),
       {kBadRequest, "missing_field", "question", "question is required (an id or a number)"}},
      {"text and command null", PostJson(messages, R"({"text":null,"command":null})"),
       {kBadRequest, "missing_field", "text",
        "send exactly one of text (an answer) or command (hint, skip, repeat, model, retry, end)"}},
      {"blank text", PostJson(messages, R"({"text":"  \n "})"), Invalid("text", "text must not be empty")},
      {"unknown track kind", PostJson("/api/sessions", R"({"track":{"kind":"dance"}})"),
       Invalid("track.kind", "track.kind must be one of all, random, difficulty, role, level, custom")},
      {"empty custom track", PostJson("/api/sessions", R"({"track":{"kind":"custom","questions":[]}})"),
       Invalid("track.questions", "track.questions must list at least one question")},
      {"unknown session", PostJson("/api/sessions/" + kUnknownId + "/messages", R"({"text":"hi"})"),
       {kNotFound, "unknown_session", "id", "no interview has this id"}},
      {"unknown session report", Get("/api/sessions/" + kUnknownId + "/report.json"),
       {kNotFound, "unknown_session", "id", "no interview has this id"}},
      {"unknown question by number", PostJson("/api/score", R"({"question":99,"answer":"a"})"),
       {kNotFound, "unknown_question", "question", "unknown question \"99\"; valid: " + kValidIds}},
      {"unknown question page", Get("/api/questions/nope"),
       {kNotFound, "unknown_question", "id", "unknown question; valid: " + kValidIds}},
      {"unknown question in a custom track",
       PostJson("/api/sessions", R"({"track":{"kind":"custom","questions":[1,"nope"]}})"),
       {kNotFound, "unknown_question", "track.questions[1]", "unknown question \"nope\"; valid: " + kValidIds}},
      // Huge fields.
      {"answer over 20000 characters", PostJson("/api/score", R"({"question":1,"answer":")" + std::string(20001, 'a') + "\"}"),
       {"HTTP/1.1 413 Payload Too Large", "answer_too_long", "answer", "answer is 20001 characters; the limit is 20000"}},
      {"follow_up over 20000 characters",
       PostJson("/api/score", R"({"question":1,"answer":"a","follow_up":")" + std::string(20001, 'b') + "\"}"),
       {kTooLarge, "answer_too_long", "follow_up", "follow_up is 20001 characters; the limit is 20000"}},
      {"text of 20001 two-byte characters", PostJson(messages, R"({"text":")" + a_20001_e_acute + "\"}"),
       {kTooLarge, "answer_too_long", "text", "text is 20001 characters; the limit is 20000"}},
      {"name over 80 bytes", PostJson("/api/sessions", R"({"name":")" + std::string(81, 'n') + "\"}"),
       Invalid("name", "name is 81 bytes; at most 80 are allowed")},
      {"1001 questions", PostJson("/api/sessions", R"({"track":{"kind":"custom","questions":)" + thousand_and_one + "}}"),
       Invalid("track.questions", questions_type)},
      {"body one byte over the limit", PostJson("/api/score", std::string(65537, ' ')),
       {kTooLarge, "body_too_large", "", "the body is 65537 bytes; the limit is 65536"}},
      {"huge Content-Length, no body", "POST /api/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                       "Content-Length: 9999999\r\n\r\n{",
       {kTooLarge, "body_too_large", "", "the body is 9999999 bytes; the limit is 65536"}},
      // Invalid UTF-8, named by the field that holds it.
      {"answer with 0xff", PostJson("/api/score", "{\"question\":1,\"answer\":\"\xff\"}"), BadUtf8("answer")},
      {"text cut inside a character", PostJson(messages, "{\"text\":\"caf\xc3\"}"), BadUtf8("text")},
      {"name with an overlong slash", PostJson("/api/sessions", "{\"name\":\"\xc0\xaf\"}"), BadUtf8("name")},
      {"track.value with a bad byte", PostJson("/api/sessions", "{\"track\":{\"kind\":\"role\",\"value\":\"x\x80\"}}"),
       BadUtf8("track.value")},
      {"UTF-8 encoded surrogate", PostJson(messages, "{\"text\":\"\xed\xa0\x80\"}"), BadUtf8("text")},
      {"bad bytes in an unknown field", PostJson("/api/score", "{\"a\": \"\xff\xfe\"}"), BadUtf8("a")},
      {"bad byte in a key", PostJson("/api/sessions", "{\"na\xffme\":\"Ada\"}"), BadUtf8("")},
      // Wrong content types and encodings.
      {"text/plain", Request("POST", "/api/score", "Content-Type: text/plain\r\n", "{}"),
       {kUnsupported, "unsupported_media_type", "", unsupported_type}},
      {"form encoded", Request("POST", "/api/sessions", "Content-Type: application/x-www-form-urlencoded\r\n", "a=1"),
       {kUnsupported, "unsupported_media_type", "", unsupported_type}},
      {"no Content-Type", Request("POST", messages, "", R"({"text":"hi"})"),
       {kUnsupported, "unsupported_media_type", "", unsupported_type}},
      {"application/jsonp", Request("POST", "/api/score", "Content-Type: application/jsonp\r\n", "{}"),
       {kUnsupported, "unsupported_media_type", "", unsupported_type}},
      {"chunked body", "POST /api/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                       "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
       {kUnsupported, "unsupported_media_type", "",
        "Transfer-Encoding request bodies are not accepted; send the body with a Content-Length"}},
      {"gzip body", Request("POST", "/api/score", "Content-Type: application/json\r\nContent-Encoding: gzip\r\n",
                            std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00", 8)),
       {kUnsupported, "unsupported_media_type", "", "compressed request bodies (Content-Encoding) are not accepted"}},
      {"deflate body", Request("POST", "/api/score", "Content-Type: application/json\r\nContent-Encoding: deflate\r\n", "x"),
       {kUnsupported, "unsupported_media_type", "", "compressed request bodies (Content-Encoding) are not accepted"}},
      // HTTP framing.
      {"no Content-Length", "POST /api/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\r\n",
       {"HTTP/1.1 411 Length Required", "length_required", "", "POST requests need a Content-Length header"}},
      {"Content-Length not a number", "POST /api/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                      "Content-Length: 2x\r\n\r\n{}",
       {kBadRequest, "invalid_header", "", "Content-Length must be a decimal number"}},
      {"unknown route", Get("/nope"), {kNotFound, "not_found", "", "there is no such page or API route"}},
      {"wrong method", "DELETE /api/sessions HTTP/1.1\r\nHost: x\r\n\r\n",
       {"HTTP/1.1 405 Method Not Allowed", "method_not_allowed", "", "DELETE is not allowed here; allowed: POST"}},
      {"garbage request line", "HELLO\r\n\r\n",
       {kBadRequest, "bad_request", "", "the HTTP request could not be processed"}},
      {"header line over 8 KiB", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(9000, 'h') + "\r\n\r\n",
       {kBadRequest, "bad_request", "", "the HTTP request could not be processed"}},
      {"URI over 8 KiB", Get("/api/questions/" + std::string(9000, 'q')),
       {"HTTP/1.1 414 URI Too Long", "bad_request", "", "the HTTP request could not be processed"}},
      {"bad client_id", Get("/api/history?client_id=%3Cscript%3E"),
       Invalid("client_id", "client_id must be 1 to 64 characters of A-Z, a-z, 0-9, '-' and '_'")},
  };
  CHECK(cases.size() >= 40);
  for (const auto& c : cases) {
    CAPTURE(c.name);
    CHECK(Parse(server.Raw(c.request)) == c.expected);
    auto [status, health] = server.Get("/healthz");
    CHECK(status == 200);
  }
}

TEST_CASE("A slowloris partial request times out while other clients are served") {
  bot::TestServer server("", 0, 1);  // 1 s read timeout instead of serve's 10 s, to keep this fast
  std::string slow_reply;
  std::thread slow([&] {
    slow_reply = server.Raw("POST /api/score HTTP/1.1\r\nHost: x\r\nContent-Type: applic", 5000);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  for (int i = 0; i < 5; ++i) CHECK(server.Get("/healthz").first == 200);
  slow.join();
  CHECK(Parse(slow_reply) ==
        Reply{kBadRequest, "bad_request", "", "the HTTP request could not be processed"});
  CHECK(server.Get("/api/questions").first == 200);
}
