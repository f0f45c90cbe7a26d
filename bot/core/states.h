// The typed states of an interview (session state, question status, message role and kind, where a
// session came from) and their string forms, which appear only at the JSON edges: the API and
// storage. Parsing a string form that is not one of them is an Error naming the field and the
// allowed values. Pure functions; thread-safe.
#ifndef BOT_CORE_STATES_H_
#define BOT_CORE_STATES_H_

#include <string>

#include "core/error.h"

namespace bot {

enum class SessionState { kAnswering, kFollowUp, kFinished };
enum class QuestionStatus { kPending, kAsked, kScored, kSkipped };
enum class MessageRole { kBot, kCandidate };
// docs/api.md lists each kind with its data.
enum class MessageKind {
  kGreeting,
  kQuestion,
  kAnswer,
  kScore,
  kFollowUp,
  kFollowUpAnswer,
  kFollowUpScore,
  kHint,
  kModelAnswer,
  kSkip,
  kCommand,
  kInfo,
  kReport,
};
enum class SessionSource { kWeb, kSlack };

// "answering", "follow_up", "finished"; "pending", "asked", ...; "bot", "candidate"; "greeting",
// "follow_up_score", ...; "web", "slack".
const char* ToString(SessionState value);
const char* ToString(QuestionStatus value);
const char* ToString(MessageRole value);
const char* ToString(MessageKind value);
const char* ToString(SessionSource value);

// The value whose string form is `text`, or an invalid_field Error naming `field`, such as
//   state "paused" is not one of answering, follow_up, finished
MaybeError Parse(const std::string& text, const std::string& field, SessionState* out);
MaybeError Parse(const std::string& text, const std::string& field, QuestionStatus* out);
MaybeError Parse(const std::string& text, const std::string& field, MessageRole* out);
MaybeError Parse(const std::string& text, const std::string& field, MessageKind* out);
MaybeError Parse(const std::string& text, const std::string& field, SessionSource* out);

}  // namespace bot

#endif  // BOT_CORE_STATES_H_
