// Session: one interview as plain data: the track, each question's record (answers, results, hints,
// timings) and the transcript. Serialises to and from JSON for storage and the API. A value type;
// not thread-safe (one request works on its own copy).
#ifndef BOT_CORE_SESSION_H_
#define BOT_CORE_SESSION_H_

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace bot {

struct Message {
  int seq = 0;
  std::string role;  // "bot" or "candidate"
  std::string kind;  // see docs/api.md
  std::string text;
  int64_t at_ms = 0;
  std::string question;  // question id, when the message is about one
  nlohmann::json data = nlohmann::json::object();
};

struct QuestionRecord {
  std::string id;
  std::string status = "pending";  // pending, asked, scored, skipped
  int64_t asked_at_ms = 0, answered_at_ms = 0;
  int hints = 0;
  std::string answer, follow_up_probe, follow_up_answer;
  bool follow_up_asked = false, follow_up_answered = false;
  double score = 0;                                  // after the follow-up, when any
  nlohmann::json result = nlohmann::json::object();  // latest rubric result
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
  std::string source = "web";  // "web" or "slack"
  std::string slack_user;      // "T123:U456" for Slack sessions
  Track track;
  std::string state = "answering";  // answering, follow_up, finished
  size_t current = 0;               // index into questions
  bool ended_early = false;
  int64_t created_ms = 0, updated_ms = 0;
  std::vector<QuestionRecord> questions;
  std::vector<Message> messages;

  QuestionRecord* Current() {
    return state == "finished" || current >= questions.size() ? nullptr : &questions[current];
  }
  // Mean over scored and skipped questions (skipped count 0); -1 when none.
  double Overall() const;
};

nlohmann::json MessageToJson(const Message& m);
Message MessageFromJson(const nlohmann::json& j);

// Everything but the messages (stored separately, one row each).
nlohmann::json SessionDocToJson(const Session& s);
// Throws nlohmann::json::exception on a malformed document (storage edge only).
Session SessionFromDoc(const nlohmann::json& doc);

}  // namespace bot

#endif  // BOT_CORE_SESSION_H_
