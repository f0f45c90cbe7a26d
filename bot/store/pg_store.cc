#include "store/pg_store.h"

namespace bot {
namespace {

// Row `row` of (doc, version) as a Session without messages.
MaybeError ReadSession(const PgResult& r, int row, Session* session) {
  const auto doc = nlohmann::json::parse(r.Text(row, 0), nullptr, false);
  if (auto e = SessionFromDoc(doc, session)) return StorageError(e->message);
  session->version = r.Int(row, 1);
  return std::nullopt;
}

// The session row and the seq of its last message, in one statement (one snapshot).
MaybeError ReadSessionHead(PgConnection& c, const std::string& id, Session* session) {
  PgResult row;
  if (auto e = c.Exec("SELECT doc, version, (SELECT COALESCE(MAX(seq), 0) FROM messages "
                      "WHERE session_id = sessions.id) FROM sessions WHERE id = $1",
                      {id}, &row)) {
    return e;
  }
  if (row.rows() == 0) return UnknownSession();
  if (auto e = ReadSession(row, 0, session)) return e;
  session->last_seq = static_cast<int>(row.Int(0, 2));
  return std::nullopt;
}

MaybeError WriteSession(PgConnection& c, const Session& s, int first_new_seq,
                        int64_t expected_version) {
  const std::string doc = SessionDocToJson(s).dump();
  PgResult written;
  MaybeError e =
      expected_version == 0
          ? c.Exec("INSERT INTO sessions (state, updated_ms, doc, id, client_id, slack_user, "
                   "created_ms, version) VALUES ($1, $2, $3, $4, $5, $6, $7, 1) "
                   "ON CONFLICT (id) DO NOTHING",
                   {ToString(s.state), s.updated_ms, doc, s.id, s.client_id, s.slack_user,
                    s.created_ms},
                   &written)
          : c.Exec("UPDATE sessions SET state = $1, updated_ms = $2, doc = $3, "
                   "version = version + 1 WHERE id = $4 AND version = $5",
                   {ToString(s.state), s.updated_ms, doc, s.id, expected_version}, &written);
  if (e) return e;
  if (written.affected() == 0) return VersionConflict(s.id, expected_version);
  for (const auto& m : s.messages) {
    if (m.seq < first_new_seq) continue;
    if ((e = c.Exec("INSERT INTO messages (session_id, seq, doc) VALUES ($1, $2, $3)",
                    {s.id, m.seq, MessageToJson(m).dump()}))) {
      return e;
    }
  }
  return std::nullopt;
}

MaybeError Enqueue(PgConnection& c, const std::vector<OutboxItem>& items) {
  for (const auto& item : items) {
    const PgParam delivery_id =
        item.delivery_id.empty() ? PgParam(nullptr) : PgParam(item.delivery_id);
    if (auto e = c.Exec("INSERT INTO outbox (kind, target, body, attempts, next_attempt_ms, "
                        "last_error, status, delivery_id) VALUES ($1, $2, $3, 0, $4, '', "
                        "'pending', $5) ON CONFLICT (delivery_id) DO NOTHING",
                        {item.kind, item.target, item.body, item.next_attempt_ms, delivery_id})) {
      return e;
    }
  }
  return std::nullopt;
}

}  // namespace

std::unique_ptr<PgStore> PgStore::Open(const std::string& url, int connections, std::string* error) {
  auto database = PgDatabase::Open(url, connections, error);
  if (!database) return nullptr;
  return std::unique_ptr<PgStore>(new PgStore(std::move(database)));
}

MaybeError PgStore::Commit(const TurnWrite& w) {
  return database_->Run([&w](PgConnection& c) -> MaybeError {
    MaybeError e;
    // Any early return leaves the transaction uncommitted: its destructor rolls all of it back.
    PgTransaction tx(c, &e);
    if (e) return e;
    if (w.session &&
        (e = WriteSession(c, *w.session, w.first_new_seq, w.expected_version))) {
      return e;
    }
    if (w.inbox_done) {
      PgResult done;
      if ((e = c.Exec("UPDATE inbox SET done = true WHERE id = $1 AND NOT done", {*w.inbox_done},
                      &done))) {
        return e;
      }
      if (done.affected() == 0) return AlreadyProcessed(*w.inbox_done);
    }
    if ((e = Enqueue(c, w.outbox))) return e;
    return tx.Commit();
  });
}

MaybeError PgStore::Load(const std::string& id, Session* session) {
  return database_->Run([&](PgConnection& c) -> MaybeError {
    // One snapshot for the row and its messages.
    MaybeError e;
    PgTransaction tx(c, &e);
    if (e) return e;
    Session s;
    if ((e = ReadSessionHead(c, id, &s))) return e;
    PgResult messages;
    if ((e = c.Exec("SELECT doc FROM messages WHERE session_id = $1 ORDER BY seq", {id},
                    &messages))) {
      return e;
    }
    for (int i = 0; i < messages.rows(); ++i) {
      Message m;
      const auto doc = nlohmann::json::parse(messages.Text(i, 0), nullptr, false);
      if ((e = MessageFromJson(doc, &m))) return StorageError(e->message);
      s.messages.push_back(std::move(m));
    }
    if ((e = tx.Commit())) return e;
    *session = std::move(s);
    return std::nullopt;
  });
}

MaybeError PgStore::LoadForTurn(const std::string& id, Session* session) {
  return database_->Run([&](PgConnection& c) -> MaybeError {
    Session s;
    if (auto e = ReadSessionHead(c, id, &s)) return e;
    *session = std::move(s);
    return std::nullopt;
  });
}

MaybeError PgStore::ListByClient(const std::string& client_id, int limit,
                                 std::vector<Session>* sessions) {
  return database_->Run([&](PgConnection& c) -> MaybeError {
    PgResult r;
    if (auto e = c.Exec("SELECT doc, version FROM sessions WHERE client_id = $1 "
                        "ORDER BY created_ms DESC LIMIT $2",
                        {client_id, limit}, &r)) {
      return e;
    }
    std::vector<Session> out(r.rows());
    for (int i = 0; i < r.rows(); ++i) {
      if (auto e = ReadSession(r, i, &out[i])) return e;
    }
    *sessions = std::move(out);
    return std::nullopt;
  });
}

MaybeError PgStore::ActiveSlackSession(const std::string& slack_user, std::string* id) {
  return database_->Run([&](PgConnection& c) -> MaybeError {
    PgResult r;
    if (auto e = c.Exec("SELECT id FROM sessions WHERE slack_user = $1 AND state != 'finished' "
                        "ORDER BY created_ms DESC LIMIT 1",
                        {slack_user}, &r)) {
      return e;
    }
    *id = r.rows() ? r.Text(0, 0) : "";
    return std::nullopt;
  });
}

MaybeError PgStore::AnswersTo(const std::string& question_id, int limit,
                              std::vector<std::string>* answers) {
  return database_->Run([&](PgConnection& c) -> MaybeError {
    PgResult r;
    if (auto e = c.Exec("SELECT q.value->>'answer' FROM sessions, "
                        "jsonb_array_elements(sessions.doc::jsonb->'questions') "
                        "WITH ORDINALITY AS q(value, n) "
                        "WHERE q.value->>'id' = $1 AND q.value->>'answer' <> '' "
                        "ORDER BY sessions.created_ms DESC, sessions.id, q.n LIMIT $2",
                        {question_id, limit}, &r)) {
      return e;
    }
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.Text(i, 0));
    *answers = std::move(out);
    return std::nullopt;
  });
}

MaybeError PgStore::CountActive(int* count) {
  return database_->Run([&](PgConnection& c) -> MaybeError {
    PgResult r;
    if (auto e = c.Exec("SELECT COUNT(*) FROM sessions WHERE state != 'finished'", {}, &r)) return e;
    *count = static_cast<int>(r.Int(0, 0));
    return std::nullopt;
  });
}

MaybeError PgStore::Check() {
  return database_->Run([](PgConnection& c) { return c.Exec("SELECT 1 FROM schema_migrations"); });
}

}  // namespace bot
