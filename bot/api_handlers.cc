// The JSON API routes of HttpServer (docs/api.md).
#include <chrono>

#include "http_server.h"
#include "report.h"
#include "rubric/scorer.h"

namespace bot {
namespace {

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

Error TypeError(const std::string& field, const char* expected) {
  return {400, "invalid_field", field + " must be " + expected, field};
}

// Reads an optional string field; an Error when it has another type.
MaybeError OptionalString(const nlohmann::json& body, const char* field, std::string* out) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) return TypeError(field, "a string");
  *out = it->get<std::string>();
  return std::nullopt;
}

MaybeError CheckAnswerLength(const std::string& field, const std::string& text) {
  const size_t chars = CodePoints(text);
  if (chars > rubric::kMaxAnswerChars) {
    return Error{413, "answer_too_long",
                 field + " is " + std::to_string(chars) + " characters; the limit is " +
                     std::to_string(rubric::kMaxAnswerChars),
                 field};
  }
  return std::nullopt;
}

MaybeError ParseTrack(const nlohmann::json& body, Track* track) {
  auto it = body.find("track");
  if (it == body.end() || it->is_null()) {
    track->kind = "all";
    return std::nullopt;
  }
  if (!it->is_object()) return TypeError("track", "an object");
  const nlohmann::json& t = *it;
  if (!t.contains("kind")) {
    return Error{400, "missing_field",
                 "track.kind is required: all, random, difficulty, role, level or custom",
                 "track.kind"};
  }
  if (!t["kind"].is_string()) return TypeError("track.kind", "a string");
  track->kind = t["kind"].get<std::string>();
  if (auto e = OptionalString(t, "value", &track->value)) {
    e->field = "track.value";
    e->message = "track.value must be a string";
    return e;
  }
  if (t.contains("count") && !t["count"].is_null()) {
    if (!t["count"].is_number_integer()) return TypeError("track.count", "an integer");
    const long long count = t["count"].get<long long>();
    track->count = count > 100000 || count < -100000 ? -1 : static_cast<int>(count);
  } else if (track->kind == "random") {
    track->count = 5;
  }
  if (t.contains("questions") && !t["questions"].is_null()) {
    if (!t["questions"].is_array() || t["questions"].size() > 1000) {
      return TypeError("track.questions", "an array of question ids or numbers");
    }
    for (const auto& q : t["questions"]) {
      if (q.is_string()) {
        track->questions.push_back(q.get<std::string>());
      } else if (q.is_number_integer()) {
        track->questions.push_back(std::to_string(q.get<long long>()));
      } else {
        return TypeError("track.questions", "an array of question ids or numbers");
      }
    }
  }
  return std::nullopt;
}

}  // namespace

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
  nlohmann::json body;
  if (auto e = ParseBody(req, &body)) return SendError(res, *e);
  if (!body.contains("question")) {
    return SendError(res, {400, "missing_field", "question is required (an id or a number)", "question"});
  }
  std::string question;
  if (body["question"].is_string()) {
    question = body["question"].get<std::string>();
  } else if (body["question"].is_number_integer()) {
    question = std::to_string(body["question"].get<long long>());
  } else {
    return SendError(res, TypeError("question", "a question id or number"));
  }
  if (!body.contains("answer")) {
    return SendError(res, {400, "missing_field", "answer is required", "answer"});
  }
  if (!body["answer"].is_string()) return SendError(res, TypeError("answer", "a string"));
  std::string follow_up;
  if (auto e = OptionalString(body, "follow_up", &follow_up)) return SendError(res, *e);
  const std::string answer = body["answer"].get<std::string>();
  if (auto e = CheckAnswerLength("answer", answer)) return SendError(res, *e);
  if (auto e = CheckAnswerLength("follow_up", follow_up)) return SendError(res, *e);
  const rubric::Bank& bank = deps_.interview.bank();
  if (!bank.Find(question)) {
    return SendError(res, {404, "unknown_question",
                           "unknown question \"" + question + "\"; valid: " + bank.ValidIds(),
                           "question"});
  }
  const auto start = std::chrono::steady_clock::now();
  rubric::Result result;
  const rubric::Scorer& scorer = deps_.interview.scorer();
  const rubric::Status status = body.contains("follow_up")
                                    ? scorer.ScoreWithFollowUp(question, answer, follow_up, &result)
                                    : scorer.Score(question, answer, &result);
  deps_.metrics.ObserveScoring(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  if (!status.ok()) {
    return SendError(res, {400, "invalid_field", status.problems()[0].reason, "answer"});
  }
  SendJson(res, 200, rubric::ToJson(result));
}

void HttpServer::HandleCreateSession(const httplib::Request& req, httplib::Response& res) {
  nlohmann::json body;
  if (auto e = ParseBody(req, &body)) return SendError(res, *e);
  StartRequest start;
  if (auto e = OptionalString(body, "name", &start.name)) return SendError(res, *e);
  if (auto e = OptionalString(body, "client_id", &start.client_id)) return SendError(res, *e);
  if (auto e = ParseTrack(body, &start.track)) return SendError(res, *e);
  Session s;
  if (auto e = deps_.interview.Start(start, &s)) return SendError(res, *e);
  if (auto e = deps_.store.Save(s, 0)) return SendError(res, *e);
  res.set_header("Location", "/api/sessions/" + s.id);
  SendJson(res, 201, SessionView(deps_.interview.bank(), s));
}

void HttpServer::HandleMessage(const httplib::Request& req, httplib::Response& res) {
  nlohmann::json body;
  if (auto e = ParseBody(req, &body)) return SendError(res, *e);
  Input input;
  const bool has_text = body.contains("text") && !body["text"].is_null();
  const bool has_command = body.contains("command") && !body["command"].is_null();
  if (has_text == has_command) {
    return SendError(res, {400, "missing_field",
                           "send exactly one of text (an answer) or command (hint, skip, repeat, "
                           "model, end)",
                           has_text ? "command" : "text"});
  }
  if (has_text) {
    if (!body["text"].is_string()) return SendError(res, TypeError("text", "a string"));
    input.text = body["text"].get<std::string>();
    if (auto e = CheckAnswerLength("text", input.text)) return SendError(res, *e);
  } else {
    if (!body["command"].is_string()) return SendError(res, TypeError("command", "a string"));
    input.command = body["command"].get<std::string>();
  }
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
  nlohmann::json messages = nlohmann::json::array();
  for (const auto& m : s.messages) {
    if (m.seq >= first_new) messages.push_back(MessageToJson(m));
  }
  SendJson(res, 200, {{"messages", messages}, {"session", SessionView(deps_.interview.bank(), s, false)}});
}

}  // namespace bot
