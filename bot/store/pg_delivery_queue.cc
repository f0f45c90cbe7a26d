#include "store/pg_delivery_queue.h"

#include <algorithm>

namespace bot {

MaybeError PgDeliveryQueue::AddInbound(const InboxItem& item, int64_t now_ms, bool* duplicate) {
  return database_.Run([&](PgConnection& c) -> MaybeError {
    PgResult r;
    if (auto e = c.Exec("INSERT INTO inbox (dedupe_key, kind, payload, received_ms, done) "
                        "VALUES ($1, $2, $3, $4, false) ON CONFLICT (dedupe_key) DO NOTHING",
                        {item.dedupe_key, item.kind, item.payload, now_ms}, &r)) {
      return e;
    }
    *duplicate = r.affected() == 0;
    return std::nullopt;
  });
}

MaybeError PgDeliveryQueue::PendingInbound(int limit, std::vector<InboxItem>* items) {
  return database_.Run([&](PgConnection& c) -> MaybeError {
    PgResult r;
    if (auto e = c.Exec("SELECT id, dedupe_key, kind, payload FROM inbox WHERE NOT done "
                        "ORDER BY id LIMIT $1",
                        {limit}, &r)) {
      return e;
    }
    std::vector<InboxItem> out;
    for (int i = 0; i < r.rows(); ++i) {
      out.push_back({r.Int(i, 0), r.Text(i, 1), r.Text(i, 2), r.Text(i, 3)});
    }
    *items = std::move(out);
    return std::nullopt;
  });
}

MaybeError PgDeliveryQueue::DueOutbound(int64_t now_ms, int limit, std::vector<OutboxItem>* items) {
  return database_.Run([&](PgConnection& c) -> MaybeError {
    PgResult r;
    if (auto e = c.Exec("UPDATE outbox SET claimed_until_ms = $1 + $3 WHERE id IN ("
                        "SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_ms <= $1 "
                        "AND claimed_until_ms <= $1 ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED) "
                        "RETURNING id, kind, target, body, attempts, next_attempt_ms, last_error, "
                        "COALESCE(delivery_id, '')",
                        {now_ms, limit, kOutboxLeaseMs}, &r)) {
      return e;
    }
    std::vector<OutboxItem> out(r.rows());
    for (int i = 0; i < r.rows(); ++i) {
      OutboxItem& item = out[i];
      item.id = r.Int(i, 0);
      item.kind = r.Text(i, 1);
      item.target = r.Text(i, 2);
      item.body = r.Text(i, 3);
      item.attempts = static_cast<int>(r.Int(i, 4));
      item.next_attempt_ms = r.Int(i, 5);
      item.last_error = r.Text(i, 6);
      item.delivery_id = r.Text(i, 7);
    }
    // RETURNING keeps no order.
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    *items = std::move(out);
    return std::nullopt;
  });
}

MaybeError PgDeliveryQueue::MarkSent(int64_t id) {
  return database_.Run([&](PgConnection& c) {
    return c.Exec("UPDATE outbox SET status = 'sent', attempts = attempts + 1, "
                  "claimed_until_ms = 0 WHERE id = $1",
                  {id});
  });
}

MaybeError PgDeliveryQueue::MarkFailed(int64_t id, int64_t next_attempt_ms,
                                       const std::string& error, bool give_up) {
  return database_.Run([&](PgConnection& c) {
    return c.Exec("UPDATE outbox SET attempts = attempts + 1, next_attempt_ms = $1, "
                  "last_error = $2, status = $3, claimed_until_ms = 0 WHERE id = $4",
                  {next_attempt_ms, error, give_up ? "dead" : "pending", id});
  });
}

MaybeError PgDeliveryQueue::NextDueMs(int64_t* next_ms) {
  return database_.Run([&](PgConnection& c) -> MaybeError {
    PgResult r;
    if (auto e = c.Exec("SELECT COALESCE(MIN(GREATEST(next_attempt_ms, claimed_until_ms)), -1) "
                        "FROM outbox WHERE status = 'pending'",
                        {}, &r)) {
      return e;
    }
    *next_ms = r.Int(0, 0);
    return std::nullopt;
  });
}

MaybeError PgDeliveryQueue::Prune(int64_t before_ms) {
  return database_.Run([&](PgConnection& c) -> MaybeError {
    MaybeError e;
    PgTransaction tx(c, &e);
    if (e) return e;
    if ((e = c.Exec("DELETE FROM inbox WHERE done AND received_ms < $1", {before_ms}))) return e;
    if ((e = c.Exec("DELETE FROM outbox WHERE status = 'sent' AND next_attempt_ms < $1",
                    {before_ms}))) {
      return e;
    }
    return tx.Commit();
  });
}

}  // namespace bot
