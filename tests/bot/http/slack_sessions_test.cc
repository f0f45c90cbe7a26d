// A Slack interview is reachable only through Slack, or through the report link the bot gives its
// owner: the web API neither shows nor changes it, and web clients cannot use Slack's client ids.
#include <doctest/doctest.h>

#include "bot/slack/slack_harness.h"
#include "slack/report_link.h"

namespace bot {
namespace {

using nlohmann::json;

struct Answer {
  int status;
  std::string code, field, message;
  bool operator==(const Answer& o) const {
    return status == o.status && code == o.code && field == o.field && message == o.message;
  }
};

std::ostream& operator<<(std::ostream& os, const Answer& a) {
  return os << "{" << a.status << " | " << a.code << " | " << a.field << " | " << a.message << "}";
}

Answer Of(const httplib::Result& res) {
  REQUIRE(res);
  const json body = json::parse(res->body, nullptr, false);
  if (!body.is_object() || !body.contains("error")) return {res->status, "", "", ""};
  return {res->status, body["error"]["code"], body["error"]["field"], body["error"]["message"]};
}

const Answer kUnknown{404, "unknown_session", "id", "no interview has this id"};
const Answer kSlackId{400, "invalid_field", "client_id",
                      "client_id may not start with \"slack-\": those ids belong to Slack interviews"};

}  // namespace

TEST_CASE("the web API hides a Slack interview unless the bot's report link opens it") {
  FakeSlackServer fake;
  SlackHarness h(TempDbPath(), ConfiguredFor(fake));
  REQUIRE(h.PostCommand("start", fake.base_url() + "/respond/1", "tr1"));
  h.Drain();
  const std::string id = h.ActiveSession("T1:U1");
  REQUIRE(id.size() == 32);
  httplib::Client web("127.0.0.1", h.port());
  const std::string base = "/api/sessions/" + id;
  const std::string token = ReportToken(ReportLinkKey(kTestSigningSecret), id);

  // What issue 15 did: the history hands out the id, the id reads and finishes the interview.
  CHECK(Of(web.Get("/api/history?client_id=slack-T1-U1")) == kSlackId);
  CHECK(Of(web.Post("/api/sessions", R"({"client_id":"slack-T1-U1"})", "application/json")) == kSlackId);
  CHECK(Of(web.Get(base.c_str())) == kUnknown);
  CHECK(Of(web.Post((base + "/messages").c_str(), R"({"text":"I do not know"})", "application/json")) ==
        kUnknown);
  CHECK(h.Load(id).messages.size() == 2);  // unchanged: no answer was stored
  for (const std::string& report : {base + "/report", base + "/report.json", base + "/report.md"}) {
    CAPTURE(report);
    CHECK(Of(web.Get(report.c_str())) == kUnknown);
    CHECK(Of(web.Get((report + "?t=").c_str())) == kUnknown);
    CHECK(Of(web.Get((report + "?t=" + token.substr(1)).c_str())) == kUnknown);
    CHECK(Of(web.Get((report + "?t=" + ReportToken("another key", id)).c_str())) == kUnknown);
    CHECK(web.Get((report + "?t=" + token).c_str())->status == 200);
  }
  // The token opens the report only: not the session or its messages.
  CHECK(Of(web.Get((base + "?t=" + token).c_str())) == kUnknown);

  // The link the bot gives its owner carries the token, and so do the report's own links.
  REQUIRE(h.PostCommand("report", fake.base_url() + "/respond/2", "tr2"));
  h.Drain();
  REQUIRE(fake.Requests("/respond/2").size() == 1);
  const std::string link = "https://bot.example/s/" + id + "/report?t=" + token;
  CHECK(fake.Requests("/respond/2")[0].Json()["text"] == "Your interview report: " + link);
  const json report = json::parse(web.Get((base + "/report.json?t=" + token).c_str())->body);
  CHECK(report["session"]["links"]["report_md"] == base + "/report.md?t=" + token);
  CHECK(report["session"]["links"]["report"] == "/s/" + id + "/report?t=" + token);
}

TEST_CASE("web interviews are unchanged: no token needed, and other client ids work") {
  FakeSlackServer fake;
  SlackHarness h(TempDbPath(), ConfiguredFor(fake));
  httplib::Client web("127.0.0.1", h.port());
  auto created = web.Post("/api/sessions", R"({"client_id":"browser-slack-1"})", "application/json");
  REQUIRE(created);
  REQUIRE(created->status == 201);
  const std::string id = json::parse(created->body)["id"];
  CHECK(web.Get(("/api/sessions/" + id).c_str())->status == 200);
  CHECK(web.Get(("/api/sessions/" + id + "/report.json").c_str())->status == 200);
  CHECK(json::parse(web.Get("/api/history?client_id=browser-slack-1")->body)["sessions"].size() == 1);
}

}  // namespace bot
