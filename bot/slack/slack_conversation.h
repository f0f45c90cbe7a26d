// SlackConversation: applies one acknowledged Slack delivery (slash command, message.im or
// app_mention event, button click) to the candidate's interview and queues the replies in the
// outbox. The same Interview and SessionStore as the web chat, one active session per Slack user.
// Used by the single worker thread; not thread-safe itself.
#ifndef BOT_SLACK_SLACK_CONVERSATION_H_
#define BOT_SLACK_SLACK_CONVERSATION_H_

#include <functional>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

#include "slack/completion_webhooks.h"
#include "core/delivery_queue.h"
#include "core/interview.h"
#include "core/session_store.h"

namespace bot {

// The bot's own ids from auth.test, so it never answers itself.
struct SlackIdentity {
  std::string user_id, bot_id;
};

class SlackConversation {
 public:
  SlackConversation(const Interview& interview, SessionStore& store, DeliveryQueue& queue,
                    CompletionListener* completion, std::string public_base_url)
      : interview_(interview), store_(store), queue_(queue), completion_(completion),
        base_(std::move(public_base_url)) {}

  void SetIdentity(SlackIdentity identity) { identity_ = std::move(identity); }
  // The web API's per-session locks, so a session open in both Slack and a browser is never
  // updated by both at once.
  void SetSessionLocks(std::function<std::mutex&(const std::string&)> lock_for) {
    lock_for_ = std::move(lock_for);
  }
  // Before the worker starts: serve only knows its port once it listens.
  void SetPublicBaseUrl(std::string url) { base_ = std::move(url); }
  const SlackIdentity& identity() const { return identity_; }

  // An error means "try again later" (storage); anything about the input itself is answered to
  // the user and counts as processed.
  MaybeError Process(const InboxItem& item);

  static const char* HelpText();

 private:
  // Where replies go: a response_url, or chat.postMessage to a channel (optionally a thread).
  struct Reply {
    std::string response_url, channel, thread_ts;
    bool in_channel = false;
  };
  struct Turn {
    std::string team, user, user_name;
    Reply reply;
  };

  MaybeError SubCommand(const std::string& text, const Turn& turn);
  MaybeError Apply(const Input& input, const Turn& turn);
  MaybeError Start(const std::string& track, const Turn& turn);
  MaybeError Report(const Turn& turn);
  MaybeError ProcessEvent(const nlohmann::json& body);
  MaybeError ProcessInteraction(const nlohmann::json& payload);
  MaybeError Send(const Reply& reply, nlohmann::json message);
  MaybeError Notice(const Reply& reply, const std::string& text);

  static std::string SlackUser(const Turn& t) { return t.team + ":" + t.user; }
  static std::string ClientId(const Turn& t) { return "slack-" + t.team + "-" + t.user; }
  std::string ReportUrl(const std::string& id) const { return base_ + "/s/" + id + "/report"; }

  const Interview& interview_;
  SessionStore& store_;
  DeliveryQueue& queue_;
  CompletionListener* completion_;
  std::string base_;
  SlackIdentity identity_;
  std::function<std::mutex&(const std::string&)> lock_for_;
  std::mutex own_lock_;  // when no locks were given (tests of the conversation alone)
};

}  // namespace bot

#endif  // BOT_SLACK_SLACK_CONVERSATION_H_
