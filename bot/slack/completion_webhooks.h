// Completion webhooks: when an interview ends (web or Slack), its summary is queued in the outbox
// once per configured URL. URLs on hooks.slack.com, or written with a "slack+" prefix
// ("slack+https://…"), get Slack's incoming-webhook format; others get generic JSON signed at
// delivery time (X-Interview-Bot-Timestamp, X-Interview-Bot-Signature: sha256=hex HMAC-SHA256 of
// "{timestamp}.{body}"). Thread-safe: it holds only const data and a thread-safe queue.
#ifndef BOT_SLACK_COMPLETION_WEBHOOKS_H_
#define BOT_SLACK_COMPLETION_WEBHOOKS_H_

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/delivery_queue.h"
#include "rubric/bank.h"
#include "core/session.h"

namespace bot {

// Notified by whoever saves a session that has just become finished.
class CompletionListener {
 public:
  virtual ~CompletionListener() = default;
  virtual void OnFinished(const Session& session) = 0;
};

class CompletionWebhooks : public CompletionListener {
 public:
  CompletionWebhooks(const rubric::Bank& bank, DeliveryQueue& queue, std::vector<std::string> urls,
                     std::string public_base_url)
      : bank_(bank), queue_(queue), urls_(std::move(urls)), base_(std::move(public_base_url)) {}
  void OnFinished(const Session& session) override;
  // Before the worker starts: serve only knows its port once it listens.
  void SetPublicBaseUrl(std::string url) { base_ = std::move(url); }

 private:
  const rubric::Bank& bank_;
  DeliveryQueue& queue_;
  std::vector<std::string> urls_;
  std::string base_;
};

// The generic payload: {"event": "interview.completed", "session": {...}, "report_url": ...}.
nlohmann::json CompletionSummary(const rubric::Bank& bank, const Session& s,
                                 const std::string& report_url);
// Whether `url` gets the Slack format; *post_url is the URL without a "slack+" prefix.
bool IsSlackWebhook(const std::string& url, std::string* post_url);
// The signature headers of a generic webhook body.
std::map<std::string, std::string> WebhookSignatureHeaders(const std::string& secret,
                                                           const std::string& body,
                                                           int64_t now_ms);

}  // namespace bot

#endif  // BOT_SLACK_COMPLETION_WEBHOOKS_H_
