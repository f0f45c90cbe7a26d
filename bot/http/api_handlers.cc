// The JSON API routes of HttpServer (docs/api.md).
#include <chrono>

#include "http/api_requests.h"
#include "slack/completion_webhooks.h"
#include "http/http_server.h"
#include "core/report.h"
#include "rubric/scorer.h"

namespace bot {

void HttpServer::InstallApi(httplib::Server* server) {
  const rubric::Bank& bank = deps_.interview.bank();
  server->Get("/api/questions", [&bank](const httplib::Request&, httplib::Response& res) {
    nlohmann::json list = nlohmann::json::array(), difficulties = nlohmann::json::array(),
                   roles = nlohmann::json::array(), levels = nlohmann::json::array();
    const auto add_unique = [](nlohmann::json& a, const std::string& v) {
      if (std::find(a.begin(), a.end(), v) == a.end()) a.push_back(v);
    };
    for (const auto& q : bank.questions) {
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
  });
  server->Get("/api/questions/([^/]+)", [&bank](const httplib::Request& req, httplib::Response& res) {
    const rubric::Question* q = bank.Find(req.matches[1]);
    if (!q) {
      return SendError(res, {404, "unknown_question",
                             "unknown question; valid: " + bank.ValidIds(), "id"});
    }
    nlohmann::json j = rubric::ToJson(*q, false, false);
    SendJson(res, 200, j);
  });
  server->Post("/api/score", [this](const httplib::Request& req, httplib::Response& res) {
    HandleScore(req, res);
  });
  server->Post("/api/sessions", [this](const httplib::Request& req, httplib::Response& res) {
    HandleCreateSession(req, res);
  });
  server->Get("/api/sessions/([^/]+)", [this, &bank](const httplib::Request& req,
                                                    httplib::Response& res) {
    Session s;
    if (auto e = deps_.store.Load(req.matches[1], &s)) return SendError(res, *e);
    SendJson(res, 200, SessionView(bank, s));
  });
  server->Post("/api/sessions/([^/]+)/messages",
               [this](const httplib::Request& req, httplib::Response& res) {
                 HandleMessage(req, res);
               });
  server->Get("/api/sessions/([^/]+)/report(\\.json|\\.md)?",
              [this, &bank](const httplib::Request& req, httplib::Response& res) {
                Session s;
                if (auto e = deps_.store.Load(req.matches[1], &s)) return SendError(res, *e);
                if (req.matches[2] == ".md") {
                  res.set_header("Content-Disposition",
                                 "attachment; filename=\"interview-" + s.id.substr(0, 8) + ".md\"");
                  res.set_header("Cache-Control", "no-store");
                  res.set_content(ReportMarkdown(bank, s), "text/markdown; charset=utf-8");
                  return;
                }
                if (req.matches[2] == ".json") {
                  res.set_header("Content-Disposition", "attachment; filename=\"interview-" +
                                                            s.id.substr(0, 8) + ".json\"");
                }
                SendJson(res, 200, ReportJson(bank, s));
              });
  server->Get("/api/history", [this, &bank](const httplib::Request& req, httplib::Response& res) {
    const std::string client = req.get_param_value("client_id");
    if (client.empty() || client.size() > 64 ||
        client.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") !=
            std::string::npos) {
      return SendError(res, {400, "invalid_field",
                             "client_id must be 1 to 64 characters of A-Z, a-z, 0-9, '-' and '_'",
                             "client_id"});
    }
    SendJson(res, 200, History(bank, deps_.store.ListByClient(client, 50)));
  });
}

void HttpServer::HandleScore(const httplib::Request& req, httplib::Response& res) {
  ScoreRequest request;
  if (auto e = ParseScoreRequest(req.body, &request)) return SendError(res, *e);
  const std::string& question = request.question;
  const rubric::Bank& bank = deps_.interview.bank();
  if (!bank.Find(question)) {
    return SendError(res, {404, "unknown_question",
                           "unknown question \"" + question + "\"; valid: " + bank.ValidIds(),
                           "question"});
  }
  const auto start = std::chrono::steady_clock::now();
  rubric::Result result;
  const rubric::Scorer& scorer = deps_.interview.scorer();
  const rubric::Status status =
      request.has_follow_up
          ? scorer.ScoreWithFollowUp(question, request.answer, request.follow_up, &result)
          : scorer.Score(question, request.answer, &result);
  deps_.metrics.ObserveScoring(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  if (!status.ok()) {
    return SendError(res, {400, "invalid_field", status.problems()[0].reason, "answer"});
  }
  SendJson(res, 200, rubric::ToJson(result));
}

void HttpServer::HandleCreateSession(const httplib::Request& req, httplib::Response& res) {
  StartRequest start;
  if (auto e = ParseStartRequest(req.body, &start)) return SendError(res, *e);
  Session s;
  if (auto e = deps_.interview.Start(start, &s)) return SendError(res, *e);
  if (auto e = deps_.store.Save(s, 0)) return SendError(res, *e);
  res.set_header("Location", "/api/sessions/" + s.id);
  SendJson(res, 201, SessionView(deps_.interview.bank(), s));
}

void HttpServer::HandleMessage(const httplib::Request& req, httplib::Response& res) {
  Input input;
  if (auto e = ParseMessageRequest(req.body, &input)) return SendError(res, *e);
  const std::string id = req.matches[1];
  std::lock_guard<std::mutex> lock(LockFor(id));
  Session s;
  if (auto e = deps_.store.Load(id, &s)) return SendError(res, *e);
  const int first_new = s.messages.empty() ? 1 : s.messages.back().seq + 1;
  const auto start = std::chrono::steady_clock::now();
  if (auto e = deps_.interview.Handle(input, &s)) return SendError(res, *e);
  bool scored = false;
  for (const auto& m : s.messages) {
    scored |= m.seq >= first_new && (m.kind == "score" || m.kind == "follow_up_score");
  }
  if (scored) {
    deps_.metrics.ObserveScoring(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  // Committed before the reply: a reply the candidate sees is never lost.
  if (auto e = deps_.store.Save(s, first_new)) return SendError(res, *e);
  if (s.state == "finished" && deps_.completion) deps_.completion->OnFinished(s);
  nlohmann::json messages = nlohmann::json::array();
  for (const auto& m : s.messages) {
    if (m.seq >= first_new) messages.push_back(MessageToJson(m));
  }
  SendJson(res, 200, {{"messages", messages}, {"session", SessionView(deps_.interview.bank(), s, false)}});
}

}  // namespace bot
