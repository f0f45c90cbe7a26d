// CompletionNotice: when an interview ends (web or Slack), its summary as outbox items, one per
// configured URL. SessionService commits them with the turn that finished the interview, so a
// notice is queued exactly once, and each carries a stable delivery id,
// "interview.completed:{session}:{url index}", that receivers can de-duplicate on. URLs on
// hooks.slack.com, or written with a "slack+" prefix ("slack+https://…"), get Slack's
// incoming-webhook format; others get generic JSON, signed at delivery time by the outbox sender
// (bot/slack/outbox_sender.h). Thread-safe once built: SetPublicBaseUrl is for start-up only.
#ifndef BOT_CORE_COMPLETION_NOTICE_H_
#define BOT_CORE_COMPLETION_NOTICE_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/delivery_queue.h"
#include "core/session.h"
#include "rubric/bank.h"

namespace bot {

class CompletionNotice {
 public:
  CompletionNotice(const rubric::Bank& bank, std::vector<std::string> urls, std::string public_base_url)
      : bank_(bank), urls_(std::move(urls)), base_(std::move(public_base_url)) {}

  // The items announcing that `session` has finished; none when no URL is configured.
  std::vector<OutboxItem> ItemsFor(const Session& session) const;
  // Before serving: serve only knows its port once it listens.
  void SetPublicBaseUrl(std::string url) { base_ = std::move(url); }

 private:
  const rubric::Bank& bank_;
  std::vector<std::string> urls_;
  std::string base_;
};

// The generic payload: {"event": "interview.completed", "delivery_id": ..., "session": {...},
// "report_url": ...}.
nlohmann::json CompletionSummary(const rubric::Bank& bank, const Session& s,
                                 const std::string& report_url, const std::string& delivery_id);
// Whether `url` gets the Slack format; *post_url is the URL without a "slack+" prefix.
bool IsSlackWebhook(const std::string& url, std::string* post_url);

}  // namespace bot

#endif  // BOT_CORE_COMPLETION_NOTICE_H_
