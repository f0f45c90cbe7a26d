// OutboxSender with the real HTTP clients against a FakeSlackServer acting as Slack and as a
// webhook receiver; the fake clock moves time so retries are due without sleeping.
#include <doctest/doctest.h>

#include "bot/slack/slack_harness.h"
#include "slack/hmac.h"
#include "slack/outbox_sender.h"

namespace bot {
namespace {

struct Fixture {
  FakeSlackServer own_fake;
  FakeSlackServer& fake;
  std::unique_ptr<SqliteStore> store;
  std::unique_ptr<SqliteDeliveryQueue> queue;
  FakeClock clock;
  HttplibPoster poster;
  std::unique_ptr<HttpSlackClient> client;
  std::unique_ptr<OutboxSender> sender;

  // One pass, and the webhook attempts it started.
  int Send() {
    const int attempted = sender->SendDue();
    sender->WaitForWebhooks();
    return attempted;
  }
  // Queues an item the way a turn does: through the store's commit.
  void Enqueue(const OutboxItem& item) { REQUIRE(store->Commit({nullptr, 1, 0, {item}}) == std::nullopt); }
  int64_t NextDueMs() {
    int64_t next = -2;
    REQUIRE(queue->NextDueMs(&next) == std::nullopt);
    return next;
  }
  std::vector<OutboxItem> Due(int64_t now_ms) {
    std::vector<OutboxItem> items;
    REQUIRE(queue->DueOutbound(now_ms, 10, &items) == std::nullopt);
    return items;
  }

  explicit Fixture(const std::string& path = TempDbPath(), FakeSlackServer* receiver = nullptr)
      : fake(receiver ? *receiver : own_fake) {
    std::string error;
    store = SqliteStore::Open(path, 2, &error);
    REQUIRE_MESSAGE(store, error);
    queue = std::make_unique<SqliteDeliveryQueue>(*store);
    client = std::make_unique<HttpSlackClient>(poster, fake.base_url() + "/api", "xoxb-t");
    sender = std::make_unique<OutboxSender>(*queue, client.get(), poster, "whsec", clock);
  }
};

TEST_CASE("WebhookSignatureHeaders sign '{timestamp}.{body}'") {
  const auto h = WebhookSignatureHeaders("s3cret", "{}", 1764352800123);
  CHECK(h == std::map<std::string, std::string>{
                 {"X-Interview-Bot-Timestamp", "1764352800"},
                 {"X-Interview-Bot-Signature", "sha256=" + HmacSha256Hex("s3cret", "1764352800.{}")}});
}

TEST_CASE("BackoffMs doubles from 1 s up to an hour, and Retry-After wins") {
  CHECK(OutboxSender::BackoffMs(0, -1) == 1000);
  CHECK(OutboxSender::BackoffMs(3, -1) == 8000);
  CHECK(OutboxSender::BackoffMs(30, -1) == 3600 * 1000);
  CHECK(OutboxSender::BackoffMs(3, 7) == 7000);
}

TEST_CASE("a webhook is retried after 500 and 429 Retry-After until the receiver accepts it") {
  Fixture f;
  f.fake.Script("/hook", {{500, "oops", ""}, {429, "slow down", "30"}});
  f.Enqueue({0, "webhook", f.fake.base_url() + "/hook", "{\"x\":1}", 0, 0, ""});
  CHECK(f.Send() == 1);  // 500
  CHECK(f.NextDueMs() == f.clock.NowMs() + 1000);
  CHECK(f.Send() == 0);  // not due yet
  f.clock.Advance(1000);
  CHECK(f.Send() == 1);  // 429, Retry-After: 30
  CHECK(f.NextDueMs() == f.clock.NowMs() + 30000);
  f.clock.Advance(29999);
  CHECK(f.Send() == 0);
  f.clock.Advance(1);
  CHECK(f.Send() == 1);  // accepted
  CHECK(f.NextDueMs() == -1);
  CHECK(f.fake.Requests("/hook").size() == 3);
}

TEST_CASE("a queued webhook is delivered after a restart") {
  const std::string path = TempDbPath();
  FakeSlackServer receiver;
  receiver.Script("/hook", {{503, "", ""}});
  {
    Fixture f(path, &receiver);
    f.Enqueue({0, "webhook", receiver.base_url() + "/hook", "{}", 0, 0, ""});
    CHECK(f.Send() == 1);
  }
  Fixture f(path, &receiver);
  auto due = f.Due(1LL << 50);
  REQUIRE(due.size() == 1);
  CHECK(due[0].attempts == 1);
  CHECK(due[0].last_error == "HTTP 503");
  f.clock.Set(due[0].next_attempt_ms);
  CHECK(f.Send() == 1);
  CHECK(f.NextDueMs() == -1);
  CHECK(receiver.Requests("/hook").size() == 2);
}

TEST_CASE("a generic webhook carries a signature the receiver can verify") {
  Fixture f;
  const std::string body = R"({"event":"interview.completed"})";
  f.Enqueue({0, "webhook", f.fake.base_url() + "/hook", body, 0, 0, ""});
  CHECK(f.Send() == 1);
  const auto requests = f.fake.Requests("/hook");
  REQUIRE(requests.size() == 1);
  const auto& h = requests[0].headers;
  const std::string ts = h.find("X-Interview-Bot-Timestamp")->second;
  CHECK(ts == std::to_string(f.clock.NowMs() / 1000));
  CHECK(h.find("X-Interview-Bot-Signature")->second == "sha256=" + HmacSha256Hex("whsec", ts + "." + body));
  CHECK(requests[0].body == body);
  CHECK(h.count("X-Interview-Bot-Delivery") == 0);  // an item without a delivery id
}

TEST_CASE("a webhook carries its delivery id on every attempt, for the receiver to de-duplicate on") {
  Fixture f;
  f.fake.Script("/hook", {{503, "", ""}});
  OutboxItem item{0, "webhook", f.fake.base_url() + "/hook", "{}", 0, 0, ""};
  item.delivery_id = "interview.completed:0123:0";
  f.Enqueue(item);
  CHECK(f.Send() == 1);  // 503
  f.clock.Advance(1000);
  CHECK(f.Send() == 1);  // delivered
  const auto requests = f.fake.Requests("/hook");
  REQUIRE(requests.size() == 2);
  for (const auto& r : requests) {
    CHECK(r.headers.find("X-Interview-Bot-Delivery")->second == "interview.completed:0123:0");
  }
}

TEST_CASE("a permanent Slack failure and an unknown kind are given up at once") {
  Fixture f;
  f.fake.Script("/api/chat.postMessage", {{200, R"({"ok":false,"error":"invalid_auth"})", ""}});
  f.Enqueue({0, "slack_api", "chat.postMessage", "{}", 0, 0, ""});
  f.Enqueue({0, "carrier_pigeon", "x", "{}", 0, 0, ""});
  CHECK(f.Send() == 2);
  CHECK(f.NextDueMs() == -1);
}

TEST_CASE("a slow webhook receiver holds up neither Slack replies nor other receivers, and gets one post") {
  Fixture f;
  f.fake.Script("/slow", {{200, "{}", "", 1500}});
  f.Enqueue({0, "webhook", f.fake.base_url() + "/slow", "{}", 0, 0, ""});
  f.Enqueue({0, "slack_webhook", f.fake.base_url() + "/fast", "{}", 0, 0, ""});
  f.Enqueue({0, "slack_api", "chat.postMessage", R"({"channel":"D1"})", 0, 0, ""});
  CHECK(f.sender->SendDue() == 3);
  // SendDue has returned, the Slack reply is posted, and the slow receiver has not answered yet:
  // its item is still due (a sender that waited for it would have marked it sent).
  CHECK(f.fake.Requests("/api/chat.postMessage").size() == 1);
  const auto due = f.Due(f.clock.NowMs());
  REQUIRE(due.size() >= 1);
  CHECK(due[0].target == f.fake.base_url() + "/slow");
  // Passes while the attempt is in flight do not post it again.
  CHECK(f.sender->SendDue() == 0);
  CHECK(f.sender->SendDue() == 0);
  f.sender->WaitForWebhooks();
  CHECK(f.fake.Requests("/slow").size() == 1);
  CHECK(f.fake.Requests("/fast").size() == 1);
  CHECK(f.NextDueMs() == -1);
}

}  // namespace
}  // namespace bot
