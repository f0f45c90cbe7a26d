#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "bot/slack/slack_harness.h"
#include "store/sqlite_delivery_queue.h"

namespace bot {
namespace {

std::unique_ptr<SqliteStore> Open(const std::string& path) {
  std::string error;
  auto store = SqliteStore::Open(path, 2, &error);
  REQUIRE_MESSAGE(store, error);
  return store;
}

TEST_CASE("inbox keys stay de-duplicated across a restart, processed or not") {
  const std::string path = TempDbPath();
  {
    auto store = Open(path);
    SqliteDeliveryQueue queue(*store);
    bool duplicate = true;
    CHECK(queue.AddInbound({0, "event:Ev1", "event", "{}"}, 1, &duplicate) == std::nullopt);
    CHECK_FALSE(duplicate);
    CHECK(queue.AddInbound({0, "event:Ev2", "event", "{\"n\":2}"}, 1, &duplicate) == std::nullopt);
    const auto pending = queue.PendingInbound(10);
    REQUIRE(pending.size() == 2);
    CHECK(queue.FinishInbound(pending[0].id) == std::nullopt);
  }
  auto store = Open(path);
  SqliteDeliveryQueue queue(*store);
  bool duplicate = false;
  CHECK(queue.AddInbound({0, "event:Ev1", "event", "{}"}, 2, &duplicate) == std::nullopt);
  CHECK(duplicate);
  const auto pending = queue.PendingInbound(10);
  REQUIRE(pending.size() == 1);
  CHECK(pending[0].dedupe_key == "event:Ev2");
  CHECK(pending[0].payload == "{\"n\":2}");
}

TEST_CASE("outbox items survive a restart with their attempts and errors") {
  const std::string path = TempDbPath();
  {
    auto store = Open(path);
    SqliteDeliveryQueue queue(*store);
    CHECK(queue.Enqueue({0, "webhook", "http://r/x", "{\"a\":1}", 0, 100, ""}) == std::nullopt);
    CHECK(queue.Enqueue({0, "webhook", "http://r/y", "{}", 0, 100, ""}) == std::nullopt);
    const auto due = queue.DueOutbound(100, 10);
    REQUIRE(due.size() == 2);
    CHECK(queue.MarkFailed(due[0].id, 5000, "HTTP 500", false) == std::nullopt);
    CHECK(queue.MarkSent(due[1].id) == std::nullopt);
  }
  auto store = Open(path);
  SqliteDeliveryQueue queue(*store);
  CHECK(queue.DueOutbound(4999, 10).empty());
  CHECK(queue.NextDueMs() == 5000);
  const auto due = queue.DueOutbound(5000, 10);
  REQUIRE(due.size() == 1);
  CHECK(due[0] == OutboxItem{due[0].id, "webhook", "http://r/x", "{\"a\":1}", 1, 5000, "HTTP 500"});
  CHECK(queue.MarkFailed(due[0].id, 6000, "HTTP 400", true) == std::nullopt);
  CHECK(queue.DueOutbound(1LL << 50, 10).empty());
  CHECK(queue.NextDueMs() == -1);
}

int Count(const std::string& path, const std::string& sql) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  return db.execAndGet(sql).getInt();
}

TEST_CASE("Prune forgets old processed and delivered items, never pending or dead ones") {
  const std::string path = TempDbPath();
  auto store = Open(path);
  SqliteDeliveryQueue queue(*store);
  bool duplicate = false;
  for (const auto& [key, received] : std::vector<std::pair<std::string, int64_t>>{
           {"event:old-done", 100}, {"event:old-pending", 100}, {"event:new-done", 900}}) {
    REQUIRE(queue.AddInbound({0, key, "event", "{}"}, received, &duplicate) == std::nullopt);
  }
  for (const auto& item : queue.PendingInbound(10)) {
    if (item.dedupe_key != "event:old-pending") REQUIRE(queue.FinishInbound(item.id) == std::nullopt);
  }
  for (const int64_t due : {100, 100, 100, 900}) {
    REQUIRE(queue.Enqueue({0, "webhook", "http://r/x", "{}", 0, due, ""}) == std::nullopt);
  }
  auto due = queue.DueOutbound(1000, 10);
  REQUIRE(due.size() == 4);
  REQUIRE(queue.MarkSent(due[0].id) == std::nullopt);                        // old, sent
  REQUIRE(queue.MarkFailed(due[1].id, 100, "HTTP 400", true) == std::nullopt);  // old, dead
  REQUIRE(queue.MarkSent(due[3].id) == std::nullopt);                        // new, sent

  CHECK(queue.Prune(500) == std::nullopt);

  CHECK(queue.AddInbound({0, "event:old-done", "event", "{}"}, 1000, &duplicate) == std::nullopt);
  CHECK_FALSE(duplicate);  // forgotten: Slack stopped retrying it long ago
  CHECK(queue.AddInbound({0, "event:new-done", "event", "{}"}, 1000, &duplicate) == std::nullopt);
  CHECK(duplicate);
  CHECK(queue.AddInbound({0, "event:old-pending", "event", "{}"}, 1000, &duplicate) == std::nullopt);
  CHECK(duplicate);
  CHECK(Count(path, "SELECT COUNT(*) FROM outbox WHERE status = 'sent'") == 1);
  CHECK(Count(path, "SELECT COUNT(*) FROM outbox WHERE status = 'dead'") == 1);
  CHECK(Count(path, "SELECT COUNT(*) FROM outbox WHERE status = 'pending'") == 1);
}

}  // namespace
}  // namespace bot
