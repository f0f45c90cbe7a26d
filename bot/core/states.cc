#include "core/states.h"

#include <array>
#include <cstddef>

namespace bot {
namespace {

// The string forms of each enum, in the order of its values.
constexpr std::array<const char*, 3> kSessionStates = {"answering", "follow_up", "finished"};
constexpr std::array<const char*, 4> kQuestionStatuses = {"pending", "asked", "scored", "skipped"};
constexpr std::array<const char*, 2> kMessageRoles = {"bot", "candidate"};
constexpr std::array<const char*, 13> kMessageKinds = {
    "greeting", "question", "answer",       "score", "follow_up", "follow_up_answer", "follow_up_score",
    "hint",     "model_answer", "skip",     "command", "info",    "report"};
constexpr std::array<const char*, 2> kSessionSources = {"web", "slack"};

template <typename Enum, size_t N>
const char* Name(const std::array<const char*, N>& names, Enum value) {
  const auto i = static_cast<size_t>(value);
  return i < N ? names[i] : "?";
}

template <typename Enum, size_t N>
MaybeError Find(const std::array<const char*, N>& names, const std::string& text,
                const std::string& field, Enum* out) {
  std::string allowed;
  for (size_t i = 0; i < N; ++i) {
    if (text == names[i]) {
      *out = static_cast<Enum>(i);
      return std::nullopt;
    }
    allowed += (i ? ", " : "") + std::string(names[i]);
  }
  return Error{ErrorKind::kInvalid, "invalid_field",
               field + " \"" + text + "\" is not one of " + allowed, field};
}

}  // namespace

const char* ToString(SessionState v) { return Name(kSessionStates, v); }
const char* ToString(QuestionStatus v) { return Name(kQuestionStatuses, v); }
const char* ToString(MessageRole v) { return Name(kMessageRoles, v); }
const char* ToString(MessageKind v) { return Name(kMessageKinds, v); }
const char* ToString(SessionSource v) { return Name(kSessionSources, v); }

MaybeError Parse(const std::string& text, const std::string& field, SessionState* out) {
  return Find(kSessionStates, text, field, out);
}
MaybeError Parse(const std::string& text, const std::string& field, QuestionStatus* out) {
  return Find(kQuestionStatuses, text, field, out);
}
MaybeError Parse(const std::string& text, const std::string& field, MessageRole* out) {
  return Find(kMessageRoles, text, field, out);
}
MaybeError Parse(const std::string& text, const std::string& field, MessageKind* out) {
  return Find(kMessageKinds, text, field, out);
}
MaybeError Parse(const std::string& text, const std::string& field, SessionSource* out) {
  return Find(kSessionSources, text, field, out);
}

}  // namespace bot
