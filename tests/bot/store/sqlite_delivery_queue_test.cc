// SqliteDeliveryQueue across restarts: inbox de-duplication, outbox attempts and errors, pruning.
#include "store/sqlite_delivery_queue.h"

#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "temp_path.h"

namespace bot {
namespace {

std::string TempDb() {
  static int n = 0;
  return TempPath("queue" + std::to_string(n++) + ".db");
}

std::unique_ptr<SqliteStore> Open(const std::string& path) {
  std::string error;
  auto store = SqliteStore::Open(path, 2, &error);
  REQUIRE_MESSAGE(store, error);
  return store;
}

std::vector<InboxItem> Pending(DeliveryQueue& queue) {
  std::vector<InboxItem> items;
  REQUIRE(queue.PendingInbound(10, &items) == std::nullopt);
  return items;
}

std::vector<OutboxItem> Due(DeliveryQueue& queue, int64_t now_ms) {
  std::vector<OutboxItem> items;
  REQUIRE(queue.DueOutbound(now_ms, 10, &items) == std::nullopt);
  return items;
}

int64_t NextDue(DeliveryQueue& queue) {
  int64_t next = -2;
  REQUIRE(queue.NextDueMs(&next) == std::nullopt);
  return next;
}

// Queues items the way every turn does: through the store's commit.
void Enqueue(SessionStore& store, std::vector<OutboxItem> items) {
  REQUIRE(store.Commit({nullptr, 1, 0, std::move(items)}) == std::nullopt);
}

void Finish(SessionStore& store, int64_t inbox_id) {
  REQUIRE(store.Commit({nullptr, 1, 0, {}, inbox_id}) == std::nullopt);
}

}  // namespace

TEST_CASE("inbox keys stay de-duplicated across a restart, processed or not") {
  const std::string path = TempDb();
  {
    auto store = Open(path);
    SqliteDeliveryQueue queue(*store);
    bool duplicate = true;
    CHECK(queue.AddInbound({0, "event:Ev1", "event", "{}"}, 1, &duplicate) == std::nullopt);
    CHECK_FALSE(duplicate);
    CHECK(queue.AddInbound({0, "event:Ev2", "event", "{\"n\":2}"}, 1, &duplicate) == std::nullopt);
    const auto pending = Pending(queue);
    REQUIRE(pending.size() == 2);
    Finish(*store, pending[0].id);
  }
  auto store = Open(path);
  SqliteDeliveryQueue queue(*store);
  bool duplicate = false;
  CHECK(queue.AddInbound({0, "event:Ev1", "event", "{}"}, 2, &duplicate) == std::nullopt);
  CHECK(duplicate);
  const auto pending = Pending(queue);
  REQUIRE(pending.size() == 1);
  CHECK(pending[0].dedupe_key == "event:Ev2");
  CHECK(pending[0].payload == "{\"n\":2}");
}

TEST_CASE("outbox items survive a restart with their attempts, errors and delivery ids") {
  const std::string path = TempDb();
  {
    auto store = Open(path);
    SqliteDeliveryQueue queue(*store);
    OutboxItem hook{0, "webhook", "http://r/x", "{\"a\":1}", 0, 100, ""};
    hook.delivery_id = "interview.completed:s1:0";
    Enqueue(*store, {hook, {0, "webhook", "http://r/y", "{}", 0, 100, ""}});
    const auto due = Due(queue, 100);
    REQUIRE(due.size() == 2);
    CHECK(queue.MarkFailed(due[0].id, 5000, "HTTP 500", false) == std::nullopt);
    CHECK(queue.MarkSent(due[1].id) == std::nullopt);
  }
  auto store = Open(path);
  SqliteDeliveryQueue queue(*store);
  CHECK(Due(queue, 4999).empty());
  CHECK(NextDue(queue) == 5000);
  const auto due = Due(queue, 5000);
  REQUIRE(due.size() == 1);
  OutboxItem expected{due[0].id, "webhook", "http://r/x", "{\"a\":1}", 1, 5000, "HTTP 500"};
  expected.delivery_id = "interview.completed:s1:0";
  CHECK(due[0] == expected);
  CHECK(queue.MarkFailed(due[0].id, 6000, "HTTP 400", true) == std::nullopt);
  CHECK(Due(queue, 1LL << 50).empty());
  CHECK(NextDue(queue) == -1);
}

int Count(const std::string& path, const std::string& sql) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  return db.execAndGet(sql).getInt();
}

TEST_CASE("Prune forgets old processed and delivered items, never pending or dead ones") {
  const std::string path = TempDb();
  auto store = Open(path);
  SqliteDeliveryQueue queue(*store);
  bool duplicate = false;
  for (const auto& [key, received] : std::vector<std::pair<std::string, int64_t>>{
           {"event:old-done", 100}, {"event:old-pending", 100}, {"event:new-done", 900}}) {
    REQUIRE(queue.AddInbound({0, key, "event", "{}"}, received, &duplicate) == std::nullopt);
  }
  for (const auto& item : Pending(queue)) {
    if (item.dedupe_key != "event:old-pending") Finish(*store, item.id);
  }
  std::vector<OutboxItem> items;
  for (const int64_t due : {100, 100, 100, 900}) items.push_back({0, "webhook", "http://r/x", "{}", 0, due, ""});
  Enqueue(*store, items);
  auto due = Due(queue, 1000);
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

}  // namespace bot
