// The JSON API's handlers (docs/api.md): each parses its request, asks SessionService (or the
// scorer, for stateless scoring) and turns the answer or the Error into a response.
#include <algorithm>
#include <chrono>

#include "core/report.h"
#include "http/api_requests.h"
#include "http/http_server.h"
#include "http/responses.h"
#include "rubric/scorer.h"

namespace bot {
namespace {

bool Scored(const std::vector<Message>& messages) {
  return std::any_of(messages.begin(), messages.end(), [](const Message& m) {
    return m.kind == MessageKind::kScore || m.kind == MessageKind::kFollowUpScore;
  });
}

bool IsSlackSession(const Session& s) { return !s.slack_user.empty() || IsSlackClientId(s.client_id); }

}  // namespace

MaybeError HttpServer::WebAccess(const httplib::Request& req, bool with_token, const Session& s) const {
  if (!IsSlackSession(s)) return std::nullopt;
  const std::string token = req.get_param_value("t");
  if (with_token && config_.report_token_valid && config_.report_token_valid(s.id, token)) {
    return std::nullopt;
  }
  return UnknownSession();
}

MaybeError HttpServer::LoadForWeb(const httplib::Request& req, bool with_token, Session* s) const {
  if (auto e = deps_.sessions.Load(req.matches[1], s)) return e;
  return WebAccess(req, with_token, *s);
}

void HttpServer::Questions(const httplib::Request&, const std::string&, httplib::Response& res) {
  nlohmann::json list = nlohmann::json::array(), difficulties = nlohmann::json::array(),
                 roles = nlohmann::json::array(), levels = nlohmann::json::array();
  const auto add_unique = [](nlohmann::json& a, const std::string& v) {
    if (std::find(a.begin(), a.end(), v) == a.end()) a.push_back(v);
  };
  for (const auto& q : deps_.sessions.bank().questions) {
    nlohmann::json j = Interview::PublicQuestion(q);
    j.erase("scenario");
    j.erase("constraints");
    j.erase("question");
    list.push_back(j);
    add_unique(difficulties, q.difficulty);
    add_unique(roles, q.role);
    add_unique(levels, q.level);
  }
  SendJson(res, 200,
           {{"questions", list}, {"difficulties", difficulties}, {"roles", roles}, {"levels", levels}});
}

void HttpServer::Question(const httplib::Request& req, const std::string&, httplib::Response& res) {
  const rubric::Bank& bank = deps_.sessions.bank();
  const rubric::Question* q = bank.Find(req.matches[1]);
  if (!q) {
    return SendError(res, {ErrorKind::kNotFound, "unknown_question",
                           "unknown question; valid: " + bank.ValidIds(), "id"});
  }
  SendJson(res, 200, Interview::PublicQuestion(*q));
}

void HttpServer::Score(const httplib::Request&, const std::string& body, httplib::Response& res) {
  ScoreRequest request;
  if (auto e = ParseScoreRequest(body, &request)) return SendError(res, *e);
  const std::string& question = request.question;
  const rubric::Bank& bank = deps_.sessions.bank();
  if (!bank.Find(question)) {
    return SendError(res, {ErrorKind::kNotFound, "unknown_question",
                           "unknown question \"" + question + "\"; valid: " + bank.ValidIds(),
                           "question"});
  }
  const auto start = std::chrono::steady_clock::now();
  rubric::Result result;
  const rubric::Scorer& scorer = deps_.sessions.interview().scorer();
  const rubric::Status status =
      request.has_follow_up
          ? scorer.ScoreWithFollowUp(question, request.answer, request.follow_up, &result)
          : scorer.Score(question, request.answer, &result);
  deps_.metrics.ObserveScoring(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  if (!status.ok()) {
    return SendError(res, {ErrorKind::kInvalid, "invalid_field", status.problems()[0].reason, "answer"});
  }
  SendJson(res, 200, rubric::ToJson(result));
}

void HttpServer::CreateSession(const httplib::Request&, const std::string& body,
                               httplib::Response& res) {
  StartRequest start;
  if (auto e = ParseStartRequest(body, &start)) return SendError(res, *e);
  Turn turn;
  if (auto e = deps_.sessions.Start(start, {}, &turn)) return SendError(res, *e);
  res.set_header("Location", "/api/sessions/" + turn.session.id);
  SendJson(res, 201, SessionView(deps_.sessions.bank(), turn.session));
}

void HttpServer::GetSession(const httplib::Request& req, const std::string&, httplib::Response& res) {
  Session s;
  if (auto e = LoadForWeb(req, false, &s)) return SendError(res, *e);
  SendJson(res, 200, SessionView(deps_.sessions.bank(), s));
}

void HttpServer::PostMessage(const httplib::Request& req, const std::string& body,
                             httplib::Response& res) {
  Input input;
  if (auto e = ParseMessageRequest(body, &input)) return SendError(res, *e);
  TurnOptions options;
  options.admit = [&](const Session& s) { return WebAccess(req, false, s); };
  // Committed before the reply: a reply the candidate sees is never lost.
  Turn turn;
  if (auto e = deps_.sessions.Handle(req.matches[1], input, options, &turn)) return SendError(res, *e);
  if (Scored(turn.fresh)) deps_.metrics.ObserveScoring(turn.handle_seconds);
  nlohmann::json messages = nlohmann::json::array();
  for (const auto& m : turn.fresh) messages.push_back(MessageToJson(m));
  SendJson(res, 200,
           {{"messages", messages}, {"session", SessionView(deps_.sessions.bank(), turn.session, false)}});
}

void HttpServer::Report(const httplib::Request& req, const std::string&, httplib::Response& res) {
  Session s;
  if (auto e = LoadForWeb(req, true, &s)) return SendError(res, *e);
  const rubric::Bank& bank = deps_.sessions.bank();
  const std::string file = "interview-" + s.id.substr(0, 8);
  if (req.matches[2] == ".md") {
    res.set_header("Content-Disposition", "attachment; filename=\"" + file + ".md\"");
    res.set_header("Cache-Control", "no-store");
    res.set_content(ReportMarkdown(bank, s, config_.public_base_url), "text/markdown; charset=utf-8");
    return;
  }
  if (req.matches[2] == ".json") {
    res.set_header("Content-Disposition", "attachment; filename=\"" + file + ".json\"");
  }
  nlohmann::json report = ReportJson(bank, s, config_.public_base_url);
  // The page follows the report's links: they carry the token that opened it.
  if (IsSlackSession(s)) {
    const std::string token = req.get_param_value("t");
    for (nlohmann::json* links : {&report["session"]["links"], &report["links"]}) {
      for (const char* link : {"report", "report_json", "report_md"}) {
        if (links->contains(link)) (*links)[link] = (*links)[link].get<std::string>() + "?t=" + token;
      }
    }
  }
  SendJson(res, 200, report);
}

void HttpServer::History(const httplib::Request& req, const std::string&, httplib::Response& res) {
  const std::string client = req.get_param_value("client_id");
  if (auto e = CheckWebClientId(client)) return SendError(res, *e);
  std::vector<Session> sessions;
  if (auto e = deps_.sessions.ListByClient(client, 50, &sessions)) return SendError(res, *e);
  SendJson(res, 200, bot::History(deps_.sessions.bank(), sessions));
}

}  // namespace bot
