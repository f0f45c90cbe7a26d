// SlackWorker: the background thread that drains the inbox (through SlackConversation) and the
// outbox (through OutboxSender). Start()/Stop() own the thread; tests call RunOnce() instead and
// never start it. Notify() and Stop() are thread-safe; RunOnce() must not run concurrently with
// the thread.
#ifndef BOT_SLACK_SLACK_WORKER_H_
#define BOT_SLACK_SLACK_WORKER_H_

#include <condition_variable>
#include <mutex>
#include <thread>

#include "slack/outbox_sender.h"
#include "slack/slack_conversation.h"

namespace bot {

class SlackWorker {
 public:
  // `conversation` and `slack` are null when Slack is not configured (only webhooks then).
  SlackWorker(DeliveryQueue& queue, SlackConversation* conversation, SlackClient* slack,
              OutboxSender& sender, const Clock& clock)
      : queue_(queue), conversation_(conversation), slack_(slack), sender_(sender), clock_(clock) {}
  ~SlackWorker() { Stop(); }

  // One pass: learn the bot's identity if still unknown, process pending inbox items, send due
  // outbox items. Returns how many items it handled.
  int RunOnce();

  void Start();
  void Notify();
  void Stop();

 private:
  void Loop();

  DeliveryQueue& queue_;
  SlackConversation* conversation_;
  SlackClient* slack_;
  OutboxSender& sender_;
  const Clock& clock_;
  bool identity_known_ = false;
  int64_t last_prune_ms_ = -1;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false, woken_ = false;
  std::thread thread_;
};

}  // namespace bot

#endif  // BOT_SLACK_SLACK_WORKER_H_
