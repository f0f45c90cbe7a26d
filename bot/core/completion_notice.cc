#include "core/completion_notice.h"

#include "core/clock.h"
#include "core/format.h"
#include "core/mrkdwn.h"

namespace bot {
namespace {

nlohmann::json SlackFormat(const nlohmann::json& summary) {
  const auto& s = summary["session"];
  const std::string who = s["name"].get<std::string>().empty() ? "A candidate" : s["name"].get<std::string>();
  std::string text = PlainMrkdwn(who) + " finished an interview" +
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
                                 const std::string& report_url, const std::string& delivery_id) {
  nlohmann::json questions = nlohmann::json::array();
  for (const auto& r : s.questions) {
    const rubric::Question* q = bank.Find(r.id);
    const bool scored = r.status == QuestionStatus::kScored;
    questions.push_back({{"id", r.id},
                         {"title", q ? q->title : r.id},
                         {"status", ToString(r.status)},
                         {"score", scored ? nlohmann::json(r.score) : nlohmann::json()}});
  }
  const double overall = s.Overall();
  return {{"event", "interview.completed"},
          {"delivery_id", delivery_id},
          {"session",
           {{"id", s.id},
            {"name", s.name},
            {"source", ToString(s.source)},
            {"slack_user", s.slack_user},
            {"ended_early", s.ended_early},
            {"overall", overall >= 0 ? nlohmann::json(overall) : nlohmann::json()},
            {"finished_at", Iso8601(s.updated_ms)},
            {"questions", questions}}},
          {"report_url", report_url}};
}

std::vector<OutboxItem> CompletionNotice::ItemsFor(const Session& session) const {
  std::vector<OutboxItem> items;
  const std::string report_url = base_ + "/s/" + session.id + "/report";
  for (size_t i = 0; i < urls_.size(); ++i) {
    OutboxItem item;
    item.delivery_id = "interview.completed:" + session.id + ":" + std::to_string(i);
    const nlohmann::json summary = CompletionSummary(bank_, session, report_url, item.delivery_id);
    std::string post_url;
    const bool slack = IsSlackWebhook(urls_[i], &post_url);
    item.kind = slack ? "slack_webhook" : "webhook";
    item.target = post_url;
    item.body = (slack ? SlackFormat(summary) : summary).dump();
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace bot
