// Session: one interview as plain data: the track, each question's record (answers, the typed rubric
// result, hints, timings), the transcript and the stored version it was read at. Turned into JSON
// only at the edges: the API (core/report.h) and storage (SessionDocToJson, SessionFromDoc). A value
// type; not thread-safe (each turn works on its own copy).
#ifndef BOT_CORE_SESSION_H_
#define BOT_CORE_SESSION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/states.h"
#include "rubric/result.h"

namespace bot {

struct Message {
  int seq = 0;
  MessageRole role = MessageRole::kBot;
  MessageKind kind = MessageKind::kInfo;
  std::string text;
  int64_t at_ms = 0;
  std::string question;  // question id, when the message is about one
  nlohmann::json data = nlohmann::json::object();  // the API's message data (docs/api.md)
};

// A retry of a closed question: scored on its own, never changing the question's score.
struct Attempt {
  std::string answer;
  rubric::Result result;
  int64_t at_ms = 0;
  bool after_model_answer = false;  // the model answer had been shown before it
};

struct QuestionRecord {
  std::string id;
  QuestionStatus status = QuestionStatus::kPending;
  int64_t asked_at_ms = 0, answered_at_ms = 0;
  int hints = 0;
  std::string answer, follow_up_probe, follow_up_answer;
  bool follow_up_asked = false, follow_up_answered = false;
  double score = 0;                      // after the follow-up, when any
  std::optional<rubric::Result> result;  // the latest, with the hint ceiling applied
  bool model_answer_seen = false;         // shown only once the question closed
  std::vector<Attempt> retries;
};

// Written as a brace list in tests ({"role", "Designer"}): every member has a default.
struct Track {
  std::string kind{};   // all, random, difficulty, role, level, custom
  std::string value{};  // for difficulty, role, level
  int count = 0;        // for random
  std::vector<std::string> questions{};  // for custom, as given
};

struct Session {
  std::string id, name, client_id;
  SessionSource source = SessionSource::kWeb;
  std::string slack_user;  // "T123:U456" for Slack sessions
  Track track;
  SessionState state = SessionState::kAnswering;
  size_t current = 0;  // index into questions
  int retrying = -1;   // the closed question being retried (its index), or -1
  bool ended_early = false;
  int64_t created_ms = 0, updated_ms = 0;
  // The stored version this copy was loaded at (0: never stored); SessionStore::Commit refuses a
  // write whose expected version is no longer the stored one.
  int64_t version = 0;
  std::vector<QuestionRecord> questions;
  std::vector<Message> messages;
  // The seq of the last stored message. A copy loaded for a turn holds none of the stored messages
  // (SessionStore::LoadForTurn), only the ones the turn adds.
  int last_seq = 0;

  QuestionRecord* Current() {
    return state == SessionState::kFinished || current >= questions.size() ? nullptr
                                                                          : &questions[current];
  }
  // The seq the next message gets.
  int NextSeq() const { return (messages.empty() ? last_seq : messages.back().seq) + 1; }
  // The messages with seq >= `seq`, in order.
  std::vector<Message> MessagesFrom(int seq) const;
  // Mean over scored and skipped questions (skipped count 0); -1 when none.
  double Overall() const;
};

nlohmann::json MessageToJson(const Message& m);

// Storage: the session document holds everything but the messages, which are stored one row each.
// Reading is strict: a missing field, a wrong type or an unknown state is an Error (kind storage)
// whose message names the field, e.g. `questions[1].status "done" is not one of pending, asked,
// scored, skipped`.
nlohmann::json SessionDocToJson(const Session& s);
MaybeError SessionFromDoc(const nlohmann::json& doc, Session* session);
MaybeError MessageFromJson(const nlohmann::json& json, Message* message);

}  // namespace bot

#endif  // BOT_CORE_SESSION_H_
