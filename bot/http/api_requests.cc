#include "http/api_requests.h"

#include <vector>

#include "rubric/scorer.h"

namespace bot {
namespace {

using nlohmann::json;

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

Error TypeError(const std::string& field, const char* expected) {
  return {ErrorKind::kInvalid, "invalid_field", field + " must be " + expected, field};
}

// Follows the parser through nested objects so that, when it stops on a bad string, the key
// whose value it was reading can be named: candidates need to know which text to fix.
class FieldTracker {
 public:
  bool operator()(int, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        frames_.push_back({event == json::parse_event_t::object_start, ""});
        break;
      case json::parse_event_t::key:
        if (!frames_.empty()) frames_.back().key = parsed.get<std::string>();
        break;
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        if (!frames_.empty()) frames_.pop_back();
        ValueDone();
        break;
      case json::parse_event_t::value:
        ValueDone();
        break;
    }
    return true;
  }

  // "track.value" while inside that value; "" between values.
  std::string Field() const {
    std::string field;
    for (const auto& f : frames_) {
      if (f.key.empty()) continue;
      field += (field.empty() ? "" : ".") + f.key;
    }
    return field;
  }

 private:
  void ValueDone() {
    if (!frames_.empty() && frames_.back().is_object) frames_.back().key.clear();
  }
  struct Frame {
    bool is_object;
    std::string key;
  };
  std::vector<Frame> frames_;
};

// Reads an optional string field; an Error when it has another type.
MaybeError OptionalString(const json& body, const char* field, std::string* out) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) return TypeError(field, "a string");
  *out = it->get<std::string>();
  return std::nullopt;
}

MaybeError CheckAnswerLength(const std::string& field, const std::string& text) {
  const size_t chars = CodePoints(text);
  if (chars > rubric::kMaxAnswerChars) {
    return Error{ErrorKind::kTooLarge, "answer_too_long",
                 field + " is " + std::to_string(chars) + " characters; the limit is " +
                     std::to_string(rubric::kMaxAnswerChars),
                 field};
  }
  return std::nullopt;
}

MaybeError ParseTrack(const json& body, Track* track) {
  auto it = body.find("track");
  if (it == body.end() || it->is_null()) {
    track->kind = "all";
    return std::nullopt;
  }
  if (!it->is_object()) return TypeError("track", "an object");
  const json& t = *it;
  if (!t.contains("kind")) {
    return Error{ErrorKind::kInvalid, "missing_field",
                 "track.kind is required: all, random, difficulty, role, level or custom",
                 "track.kind"};
  }
  if (!t["kind"].is_string()) return TypeError("track.kind", "a string");
  track->kind = t["kind"].get<std::string>();
  if (auto e = OptionalString(t, "value", &track->value)) {
    e->field = "track.value";
    e->message = "track.value must be a string";
    return e;
  }
  if (t.contains("count") && !t["count"].is_null()) {
    if (!t["count"].is_number_integer()) return TypeError("track.count", "an integer");
    // Unsigned values over 2^63 would wrap to negatives through long long.
    const bool huge = t["count"].is_number_unsigned() && t["count"].get<unsigned long long>() > 100000;
    const long long count = huge ? -1 : t["count"].get<long long>();
    track->count = count > 100000 || count < -100000 ? -1 : static_cast<int>(count);
  } else if (track->kind == "random") {
    track->count = 5;
  }
  if (t.contains("questions") && !t["questions"].is_null()) {
    if (!t["questions"].is_array() || t["questions"].size() > 1000) {
      return TypeError("track.questions", "an array of question ids or numbers");
    }
    for (const auto& q : t["questions"]) {
      if (q.is_string()) {
        track->questions.push_back(q.get<std::string>());
      } else if (q.is_number_integer()) {
        track->questions.push_back(std::to_string(q.get<long long>()));
      } else {
        return TypeError("track.questions", "an array of question ids or numbers");
      }
    }
  }
  return std::nullopt;
}

}  // namespace

MaybeError ParseJsonObject(const std::string& body, json* out) {
  FieldTracker tracker;
  try {
    *out = json::parse(body, std::ref(tracker));
  } catch (const json::parse_error& e) {
    const std::string what = e.what();
    if (what.find("UTF-8") != std::string::npos) {
      const std::string field = tracker.Field();
      return Error{ErrorKind::kInvalid, "invalid_utf8",
                   (field.empty() ? "the body" : field) + " is not valid UTF-8", field};
    }
    return Error{ErrorKind::kInvalid, "invalid_json",
                 "the body is not valid JSON (error at byte " + std::to_string(e.byte) + ")", ""};
  } catch (const json::out_of_range&) {
    // A number too large for a double ("1e999") is valid JSON but cannot be represented; the
    // parser reports it as out_of_range, not parse_error (found by fuzz/api_request_fuzzer).
    const std::string field = tracker.Field();
    return Error{ErrorKind::kInvalid, "invalid_json",
                 (field.empty() ? "the body" : field) + " holds a number too large to represent",
                 field};
  }
  if (!out->is_object()) {
    return Error{ErrorKind::kInvalid, "invalid_json", "the body must be a JSON object", ""};
  }
  return std::nullopt;
}

MaybeError ParseScoreRequest(const std::string& text, ScoreRequest* out) {
  json body;
  if (auto e = ParseJsonObject(text, &body)) return e;
  if (!body.contains("question")) {
    return Error{ErrorKind::kInvalid, "missing_field", "question is required (an id or a number)",
                 "question"};
  }
  if (body["question"].is_string()) {
    out->question = body["question"].get<std::string>();
  } else if (body["question"].is_number_integer()) {
    out->question = std::to_string(body["question"].get<long long>());
  } else {
    return TypeError("question", "a question id or number");
  }
  if (!body.contains("answer")) {
    return Error{ErrorKind::kInvalid, "missing_field", "answer is required", "answer"};
  }
  if (!body["answer"].is_string()) return TypeError("answer", "a string");
  if (auto e = OptionalString(body, "follow_up", &out->follow_up)) return e;
  out->has_follow_up = body.contains("follow_up");
  out->answer = body["answer"].get<std::string>();
  if (auto e = CheckAnswerLength("answer", out->answer)) return e;
  return CheckAnswerLength("follow_up", out->follow_up);
}

bool IsSlackClientId(const std::string& client_id) { return client_id.rfind("slack-", 0) == 0; }

MaybeError CheckWebClientId(const std::string& client_id) {
  if (auto e = CheckClientId(client_id)) return e;
  if (!IsSlackClientId(client_id)) return std::nullopt;
  return Error{ErrorKind::kInvalid, "invalid_field",
               "client_id may not start with \"slack-\": those ids belong to Slack interviews",
               "client_id"};
}

MaybeError ParseStartRequest(const std::string& text, StartRequest* out) {
  json body;
  if (auto e = ParseJsonObject(text, &body)) return e;
  if (auto e = OptionalString(body, "name", &out->name)) return e;
  if (auto e = OptionalString(body, "client_id", &out->client_id)) return e;
  if (!out->client_id.empty()) {
    if (auto e = CheckWebClientId(out->client_id)) return e;
  }
  return ParseTrack(body, &out->track);
}

MaybeError ParseMessageRequest(const std::string& text, Input* out) {
  json body;
  if (auto e = ParseJsonObject(text, &body)) return e;
  const bool has_text = body.contains("text") && !body["text"].is_null();
  const bool has_command = body.contains("command") && !body["command"].is_null();
  if (has_text == has_command) {
    const std::string one_of =
        "send exactly one of text (an answer) or command (hint, skip, repeat, model, retry, end)";
    if (!has_text) return Error{ErrorKind::kInvalid, "missing_field", one_of, "text"};
    return Error{ErrorKind::kInvalid, "invalid_field", one_of + "; this request has both", "command"};
  }
  if (has_text) {
    if (!body["text"].is_string()) return TypeError("text", "a string");
    out->text = body["text"].get<std::string>();
    return CheckAnswerLength("text", out->text);
  }
  if (!body["command"].is_string()) return TypeError("command", "a string");
  out->command = body["command"].get<std::string>();
  return std::nullopt;
}

}  // namespace bot
