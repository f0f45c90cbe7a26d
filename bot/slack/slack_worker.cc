#include "slack/slack_worker.h"

#include <algorithm>
#include <chrono>
#include <iostream>

namespace bot {
namespace {

// Slack stops retrying a delivery within about an hour; a day of processed keys is ample for
// de-duplication, and sent posts are kept as long for inspection.
constexpr int64_t kKeepDoneMs = 24 * 3600 * 1000;
constexpr int64_t kPruneEveryMs = 3600 * 1000;

}  // namespace

int SlackWorker::RunOnce() {
  const int64_t now = clock_.NowMs();
  if (last_prune_ms_ < 0 || now - last_prune_ms_ >= kPruneEveryMs) {
    if (auto e = queue_.Prune(now - kKeepDoneMs)) {
      std::cerr << "interview-bot: pruning the Slack inbox and outbox failed: " << e->message << "\n";
    }
    last_prune_ms_ = now;
  }
  int handled = 0;
  if (conversation_ && slack_ && !identity_known_) {
    const SlackResult r = slack_->Call("auth.test", nlohmann::json::object());
    if (r.ok) {
      conversation_->SetIdentity({r.body.value("user_id", ""), r.body.value("bot_id", "")});
      identity_known_ = true;
    } else {
      // Without our ids we could answer our own messages: wait rather than process.
      std::cerr << "interview-bot: slack auth.test failed: " << r.error << "\n";
      return sender_.SendDue();
    }
  }
  if (conversation_) {
    std::vector<InboxItem> pending;
    if (auto e = queue_.PendingInbound(50, &pending)) {
      std::cerr << "interview-bot: reading the Slack inbox failed: " << e->message << "\n";
    }
    for (const auto& item : pending) {
      // Process commits the delivery's effects and its inbox mark together.
      if (auto e = conversation_->Process(item)) {
        std::cerr << "interview-bot: slack delivery " << item.dedupe_key
                  << " left for a retry: " << e->message << "\n";
        break;  // storage trouble: keep the order, retry on the next pass
      }
      ++handled;
    }
  }
  return handled + sender_.SendDue();
}

void SlackWorker::Start() {
  thread_ = std::thread([this] { Loop(); });
}

void SlackWorker::Notify() {
  {
    std::lock_guard<std::mutex> l(mu_);
    woken_ = true;
  }
  cv_.notify_one();
}

void SlackWorker::Stop() {
  {
    std::lock_guard<std::mutex> l(mu_);
    stop_ = true;
  }
  cv_.notify_one();
  if (thread_.joinable()) thread_.join();
  sender_.WaitForWebhooks();  // attempts in flight finish (or time out) and are recorded
}

void SlackWorker::Loop() {
  for (;;) {
    const int handled = RunOnce();
    // Sleep until woken, until the next retry is due, or at most a second (covers items queued by
    // the web side, which does not notify).
    int64_t wait_ms = 1000;
    int64_t next = -1;
    if (!queue_.NextDueMs(&next) && next >= 0) {
      wait_ms = std::clamp<int64_t>(next - clock_.NowMs(), 0, 1000);
    }
    if (!identity_known_ && conversation_) wait_ms = 5000;
    // Nothing attempted although an item is due: it is a webhook still in flight on its own thread.
    if (handled == 0 && wait_ms == 0) wait_ms = 100;
    std::unique_lock<std::mutex> l(mu_);
    if (stop_) return;
    if (handled > 0 && wait_ms == 0) continue;
    cv_.wait_for(l, std::chrono::milliseconds(std::max<int64_t>(wait_ms, 10)),
                 [this] { return stop_ || woken_; });
    woken_ = false;
    if (stop_) return;
  }
}

}  // namespace bot
