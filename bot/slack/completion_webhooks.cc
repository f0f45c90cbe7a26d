#include "slack/completion_webhooks.h"

#include <cstdio>

#include "core/format.h"
#include "core/clock.h"
#include "slack/hmac.h"
#include "slack/slack_blocks.h"

namespace bot {
namespace {

nlohmann::json SlackFormat(const nlohmann::json& summary) {
  const auto& s = summary["session"];
  const std::string who = s["name"].get<std::string>().empty() ? "A candidate" : s["name"].get<std::string>();
  std::string text = EscapeMrkdwn(who) + " finished an interview" +
                     (s["ended_early"].get<bool>() ? " (ended early)" : "") + ": " +
                     (s["overall"].is_number() ? Fixed1(s["overall"].get<double>()) + "/10"
                                               : std::string("no answer scored"));
  std::string lines;
  for (const auto& q : s["questions"]) {
    lines += "\n• " + EscapeMrkdwn(q["title"].get<std::string>()) + ": " +
             (q["status"] == "scored" ? Fixed1(q["score"].get<double>()) + "/10"
                                      : q["status"].get<std::string>());
  }
  const std::string link = "<" + summary["report_url"].get<std::string>() + "|Report>";
  return {{"text", TruncateUtf8(text, kSectionMaxChars)},
          {"blocks",
           {{{"type", "section"},
             {"text", {{"type", "mrkdwn"},
                       {"text", TruncateUtf8(text + lines + "\n" + link, kSectionMaxChars)}}}}}}};
}

}  // namespace

bool IsSlackWebhook(const std::string& url, std::string* post_url) {
  if (url.rfind("slack+", 0) == 0) {
    *post_url = url.substr(6);
    return true;
  }
  *post_url = url;
  return url.rfind("https://hooks.slack.com/", 0) == 0;
}

nlohmann::json CompletionSummary(const rubric::Bank& bank, const Session& s,
                                 const std::string& report_url) {
  nlohmann::json questions = nlohmann::json::array();
  for (const auto& r : s.questions) {
    const rubric::Question* q = bank.Find(r.id);
    questions.push_back({{"id", r.id},
                         {"title", q ? q->title : r.id},
                         {"status", r.status},
                         {"score", r.status == "scored" ? nlohmann::json(r.score) : nlohmann::json()}});
  }
  const double overall = s.Overall();
  return {{"event", "interview.completed"},
          {"session",
           {{"id", s.id},
            {"name", s.name},
            {"source", s.source},
            {"slack_user", s.slack_user},
            {"ended_early", s.ended_early},
            {"overall", overall >= 0 ? nlohmann::json(overall) : nlohmann::json()},
            {"finished_at", Iso8601(s.updated_ms)},
            {"questions", questions}}},
          {"report_url", report_url}};
}

std::map<std::string, std::string> WebhookSignatureHeaders(const std::string& secret,
                                                           const std::string& body,
                                                           int64_t now_ms) {
  const std::string ts = std::to_string(now_ms / 1000);
  return {{"X-Interview-Bot-Timestamp", ts},
          {"X-Interview-Bot-Signature", "sha256=" + HmacSha256Hex(secret, ts + "." + body)}};
}

void CompletionWebhooks::OnFinished(const Session& session) {
  const nlohmann::json summary =
      CompletionSummary(bank_, session, base_ + "/s/" + session.id + "/report");
  for (const auto& url : urls_) {
    std::string post_url;
    const bool slack = IsSlackWebhook(url, &post_url);
    OutboxItem item;
    item.kind = slack ? "slack_webhook" : "webhook";
    item.target = post_url;
    item.body = (slack ? SlackFormat(summary) : summary).dump();
    // A lost webhook is reported in the log by the outbox; the interview itself is already saved.
    queue_.Enqueue(item);
  }
}

}  // namespace bot
