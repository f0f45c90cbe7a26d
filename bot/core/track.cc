// Interview::Start: turning a track request into the list of questions.
#include <algorithm>
#include <cctype>

#include "core/interview.h"

namespace bot {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

Error Bad(const std::string& field, const std::string& message) {
  return {ErrorKind::kInvalid, "invalid_field", message, field};
}

// The distinct values of a question field, in bank order, joined for messages.
std::string Values(const rubric::Bank& bank, std::string rubric::Question::*field) {
  std::vector<std::string> seen;
  for (const auto& q : bank.questions) {
    if (std::find(seen.begin(), seen.end(), q.*field) == seen.end()) seen.push_back(q.*field);
  }
  std::string out;
  for (const auto& v : seen) out += (out.empty() ? "\"" : ", \"") + v + "\"";
  return out;
}

}  // namespace

MaybeError CheckClientId(const std::string& id) {
  const bool valid = !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
  if (valid) return std::nullopt;
  return Bad("client_id", "client_id must be 1 to 64 characters of A-Z, a-z, 0-9, '-' and '_'");
}

MaybeError CheckName(const std::string& name) {
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    // C0 controls, DEL, and C1 controls (U+0080..U+009F: 0xC2 0x80..0x9F in UTF-8).
    const bool c1 = c == 0xC2 && i + 1 < name.size() && static_cast<unsigned char>(name[i + 1]) < 0xA0;
    if (c < 0x20 || c == 0x7f || c1) {
      return Bad("name", "name holds a control character at byte " + std::to_string(i) +
                             "; allowed are letters, digits, spaces and punctuation on one line");
    }
  }
  return std::nullopt;
}

MaybeError Interview::Start(const StartRequest& req, Session* s) const {
  if (req.name.size() > kMaxNameChars) {
    return Bad("name", "name is " + std::to_string(req.name.size()) + " bytes; at most " +
                           std::to_string(kMaxNameChars) + " are allowed");
  }
  if (auto e = CheckName(req.name)) return e;
  if (!req.client_id.empty()) {
    if (auto e = CheckClientId(req.client_id)) return e;
  }
  std::vector<std::string> ids;
  const Track& t = req.track;
  const size_t n = bank_.questions.size();
  if (t.kind == "all") {
    for (const auto& q : bank_.questions) ids.push_back(q.id);
  } else if (t.kind == "random") {
    if (t.count < 1 || static_cast<size_t>(t.count) > n) {
      return Bad("track.count", "track.count must be between 1 and " + std::to_string(n));
    }
    std::vector<std::string> pool;
    for (const auto& q : bank_.questions) pool.push_back(q.id);
    for (int i = 0; i < t.count; ++i) {
      const size_t k = i + random_.Below(pool.size() - i);
      std::swap(pool[i], pool[k]);
      ids.push_back(pool[i]);
    }
  } else if (t.kind == "difficulty" || t.kind == "role" || t.kind == "level") {
    auto field = t.kind == "difficulty" ? &rubric::Question::difficulty
                 : t.kind == "role"     ? &rubric::Question::role
                                        : &rubric::Question::level;
    for (const auto& q : bank_.questions) {
      if (Lower(q.*field) == Lower(t.value)) ids.push_back(q.id);
    }
    if (ids.empty()) {
      return Bad("track.value", "no question has " + t.kind + " \"" + t.value +
                                    "\"; valid: " + Values(bank_, field));
    }
  } else if (t.kind == "custom") {
    if (t.questions.empty()) return Bad("track.questions", "track.questions must list at least one question");
    for (size_t i = 0; i < t.questions.size(); ++i) {
      const rubric::Question* q = bank_.Find(t.questions[i]);
      if (!q) {
        return Error{ErrorKind::kNotFound, "unknown_question",
                "unknown question \"" + t.questions[i] + "\"; valid: " + bank_.ValidIds(),
                "track.questions[" + std::to_string(i) + "]"};
      }
      if (std::find(ids.begin(), ids.end(), q->id) != ids.end()) {
        return Bad("track.questions[" + std::to_string(i) + "]",
                   "question \"" + q->id + "\" is listed twice");
      }
      ids.push_back(q->id);
    }
  } else {
    return Bad("track.kind", "track.kind must be one of all, random, difficulty, role, level, custom");
  }

  *s = Session();
  s->id = random_.NewId();
  s->name = req.name;
  s->client_id = req.client_id;
  s->source = req.source;
  s->slack_user = req.slack_user;
  s->track = t;
  s->created_ms = s->updated_ms = clock_.NowMs();
  for (const auto& id : ids) {
    QuestionRecord record;
    record.id = id;
    s->questions.push_back(std::move(record));
  }
  const std::string who = req.name.empty() ? "Hi" : "Hi " + req.name;
  Say(s, MessageRole::kBot, MessageKind::kGreeting,
      who + ", I'm your interviewer today. We'll go through " + std::to_string(ids.size()) +
          (ids.size() == 1 ? " question" : " questions") +
          (bank_.answer_style == rubric::AnswerStyle::kShort
               ? ". Answer each in a sentence or two, in your own words. "
               : ". Answer each the way you would in a real interview: structure, numbers, "
                 "trade-offs. ") +
          "After each answer I'll score it out of 10, show what I credited and what was missing, "
          "and ask one follow-up. Commands at any time: hint, skip, repeat, model and retry (once "
          "a question is closed) and end.");
  Ask(s);
  return std::nullopt;
}

}  // namespace bot
