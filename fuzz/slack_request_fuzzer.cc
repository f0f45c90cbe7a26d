// Any bytes as a Slack delivery: the signature check and the parsing of slash-command forms,
// interaction `payload` forms and event JSON must answer with an ack or an Error, never crash or
// throw; what they store must be JSON that serialises strictly. The first byte picks the route
// and, for the signature, where the body is cut into timestamp, signature and body.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/delivery_queue.h"
#include "fakes/fake_clock.h"
#include "slack/slack_routes.h"
#include "slack/slack_signature.h"

namespace {

// Keeps what Accept stores so the fuzzer can check it; nothing is durable.
class RecordingQueue : public bot::DeliveryQueue {
 public:
  bot::MaybeError AddInbound(const bot::InboxItem& item, int64_t, bool* duplicate) override {
    *duplicate = false;
    last = item;
    return std::nullopt;
  }
  bot::MaybeError PendingInbound(int, std::vector<bot::InboxItem>*) override { return std::nullopt; }
  bot::MaybeError DueOutbound(int64_t, int, std::vector<bot::OutboxItem>*) override { return std::nullopt; }
  bot::MaybeError MarkSent(int64_t) override { return std::nullopt; }
  bot::MaybeError MarkFailed(int64_t, int64_t, const std::string&, bool) override { return std::nullopt; }
  bot::MaybeError NextDueMs(int64_t*) override { return std::nullopt; }
  bot::MaybeError Prune(int64_t) override { return std::nullopt; }
  bot::InboxItem last;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string body(reinterpret_cast<const char*>(data + 1), size - 1);
  static const char* kKinds[] = {"commands", "interactions", "events"};
  const int choice = data[0] % 4;
  if (choice == 3) {
    // Timestamp and signature from the front of the input, the rest as the body.
    const size_t a = body.find('\n'), b = a == std::string::npos ? a : body.find('\n', a + 1);
    const std::string ts = body.substr(0, a);
    const std::string sig = a == std::string::npos ? "" : body.substr(a + 1, b == std::string::npos ? b : b - a - 1);
    const std::string rest = b == std::string::npos ? "" : body.substr(b + 1);
    const auto e = bot::VerifySlackSignature("secret", ts, sig, rest, 1700000000000);
    if (e && e->kind != bot::ErrorKind::kUnauthorized) std::abort();
    const std::string good = bot::SlackSignature("secret", ts, rest);
    (void)bot::VerifySlackSignature("secret", ts, good, rest, 1700000000000);
    return 0;
  }
  bot::SlackConfig config;
  config.signing_secret = "secret";
  config.bot_token = "xoxb-fuzz";
  RecordingQueue queue;
  bot::FakeClock clock;
  bot::SlackRoutes routes(config, queue, clock, nullptr);
  std::string ack;
  const auto e = routes.Accept(kKinds[choice], body, &ack);
  if (e && e->kind != bot::ErrorKind::kInvalid) std::abort();
  if (!e && !queue.last.payload.empty() && choice != 2) {
    (void)nlohmann::json::parse(queue.last.payload).dump();  // stored JSON must be valid UTF-8
  }
  if (!ack.empty()) (void)nlohmann::json::parse(ack).dump();
  return 0;
}
