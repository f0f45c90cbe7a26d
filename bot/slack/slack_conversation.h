// SlackConversation: translates one acknowledged Slack delivery (slash command, message.im or
// app_mention event, button click) into SessionService calls, and their answers into Slack replies.
// Each delivery ends in exactly one commit that also marks it processed: the turn with its reply,
// a notice, or the mark alone for a delivery that needs no answer. So a delivery is applied once,
// whatever crashes when. One active session per Slack user. Used by the single worker thread; not
// thread-safe itself.
#ifndef BOT_SLACK_SLACK_CONVERSATION_H_
#define BOT_SLACK_SLACK_CONVERSATION_H_

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/delivery_queue.h"
#include "core/session_service.h"

namespace bot {

// The bot's own ids from auth.test, so it never answers itself.
struct SlackIdentity {
  std::string user_id, bot_id;
};

class SlackConversation {
 public:
  // `report_key` signs the report links given to a session's owner (slack/report_link.h).
  SlackConversation(SessionService& sessions, std::string public_base_url, std::string report_key)
      : sessions_(sessions), base_(std::move(public_base_url)), report_key_(std::move(report_key)) {}

  void SetIdentity(SlackIdentity identity) { identity_ = std::move(identity); }
  // Before the worker starts: serve only knows its port once it listens.
  void SetPublicBaseUrl(std::string url) { base_ = std::move(url); }
  const SlackIdentity& identity() const { return identity_; }

  // Applies `item` and commits its effects with its inbox mark. An error means "try again later"
  // (storage, a conflict that outlasted the service's retries): the delivery stays pending, and the
  // user is told once that it will be answered. Anything about the input itself is answered to the
  // user and counts as processed.
  MaybeError Process(const InboxItem& item);

  static const char* HelpText();
  // The notice of a delivery left for a retry.
  static const char* WaitText();

 private:
  // Where replies go: a response_url, or chat.postMessage to a channel (optionally a thread).
  struct Reply {
    std::string response_url, channel, thread_ts;
    bool in_channel = false;
  };
  // One delivery: its inbox row, who sent it, where to answer.
  struct Delivery {
    int64_t inbox_id = 0;
    std::string team, user, user_name;
    Reply reply;
  };

  MaybeError ProcessCommand(const nlohmann::json& body, Delivery* d);
  MaybeError ProcessEvent(const nlohmann::json& body, Delivery* d);
  MaybeError ProcessInteraction(const nlohmann::json& payload, Delivery* d);
  MaybeError SubCommand(const std::string& text, const Delivery& d);
  MaybeError Apply(const Input& input, const Delivery& d);
  MaybeError Start(const std::string& track, const Delivery& d);
  MaybeError Report(const Delivery& d);

  // A turn's options: the inbox mark, and the reply rendered from the turn's new messages.
  TurnOptions Options(const Delivery& d) const;
  // What a turn's error means: retried later (returned), processed already (none), or about the
  // input and told to the user (prefixed with `prefix`).
  MaybeError Settle(const MaybeError& error, const Delivery& d, const std::string& prefix);
  // Commits `messages` as replies (none: only the inbox mark).
  MaybeError Send(const Delivery& d, std::vector<nlohmann::json> messages);
  MaybeError Notice(const Delivery& d, const std::string& text);
  OutboxItem ReplyItem(const Reply& reply, nlohmann::json message) const;

  static std::string SlackUser(const Delivery& d) { return d.team + ":" + d.user; }
  static std::string ClientId(const Delivery& d) { return "slack-" + d.team + "-" + d.user; }
  std::string ReportUrl(const std::string& id) const;

  SessionService& sessions_;
  std::string base_;
  std::string report_key_;
  SlackIdentity identity_;
  // Deliveries whose sender was told they will be answered after a retry: told once.
  std::set<int64_t> told_to_wait_;
};

}  // namespace bot

#endif  // BOT_SLACK_SLACK_CONVERSATION_H_
