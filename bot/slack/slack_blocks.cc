#include "slack/slack_blocks.h"

#include <cstdio>

#include "core/format.h"

namespace bot {
namespace {

using nlohmann::json;

json Section(const std::string& mrkdwn) {
  return {{"type", "section"},
          {"text", {{"type", "mrkdwn"}, {"text", TruncateUtf8(mrkdwn, kSectionMaxChars)}}}};
}

json Header(const std::string& plain) {
  return {{"type", "header"},
          {"text", {{"type", "plain_text"}, {"text", TruncateUtf8(plain, kHeaderMaxChars)}}}};
}

json Button(const std::string& label, const std::string& action, bool primary = false) {
  json b = {{"type", "button"},
            {"text", {{"type", "plain_text"}, {"text", label}}},
            {"action_id", action},
            {"value", action}};
  if (primary) b["style"] = "primary";
  return b;
}

json Actions(std::vector<json> buttons) { return {{"type", "actions"}, {"elements", buttons}}; }

std::string Str(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

void AddQuestion(const Message& m, std::vector<json>* blocks) {
  const json& q = m.data.value("question", json::object());
  const std::string progress = "Question " + std::to_string(m.data.value("index", 0) + 1) + " of " +
                               std::to_string(m.data.value("total", 0)) + ": ";
  blocks->push_back(Header(progress + Str(q, "title")));
  std::string body = "*" + EscapeMrkdwn(Str(q, "question")) + "*\n\n" + EscapeMrkdwn(Str(q, "scenario"));
  if (q.contains("constraints") && q["constraints"].is_array()) {
    for (const auto& c : q["constraints"]) body += "\n• " + EscapeMrkdwn(c.get<std::string>());
  }
  blocks->push_back(Section(body));
  blocks->push_back(Actions({Button("Hint", "hint"), Button("Skip", "skip"), Button("End", "end")}));
}

void AddScore(const Message& m, std::vector<json>* blocks) {
  const json& r = m.data.value("result", json::object());
  const double score = r.value("score", 0.0);
  std::string title = (m.kind == MessageKind::kFollowUpScore ? "*With your follow-up: " : "*Score: ") +
                      Fixed1(score) + "/10* (" + EscapeMrkdwn(Str(r, "band")) + ")";
  json fields = json::array();
  if (r.contains("steps")) {
    for (const auto& s : r["steps"]) {
      if (fields.size() == kMaxFields) break;
      fields.push_back({{"type", "mrkdwn"},
                        {"text", TruncateUtf8("*" + EscapeMrkdwn(Str(s, "name")) + "*\n" +
                                                  EscapeMrkdwn(Str(s, "status")) + " (" +
                                                  std::to_string(static_cast<int>(
                                                      s.value("coverage", 0.0) * 100 + 0.5)) +
                                                  "%)",
                                              2000)}});
    }
  }
  json section = Section(title);
  if (!fields.empty()) section["fields"] = fields;
  blocks->push_back(section);
  std::string gaps;
  if (r.contains("gaps")) {
    for (const auto& g : r["gaps"]) {
      const std::string hint = Str(g, "hint");
      gaps += "\n• *" + EscapeMrkdwn(Str(g, "name")) + "*" + (hint.empty() ? "" : ": " + EscapeMrkdwn(hint));
    }
  }
  if (!gaps.empty()) blocks->push_back(Section("*Gaps*" + gaps));
  blocks->push_back(Actions({Button("Next", "next", true), Button("Model answer", "model"),
                             Button("End", "end")}));
}

}  // namespace

json RenderMessages(const std::vector<Message>& messages, const std::string& report_url) {
  std::vector<json> blocks;
  std::string fallback;
  for (const auto& m : messages) {
    if (m.role != MessageRole::kBot) continue;
    fallback += (fallback.empty() ? "" : "\n\n") + m.text;
    if (m.kind == MessageKind::kQuestion) {
      AddQuestion(m, &blocks);
    } else if (m.kind == MessageKind::kScore || m.kind == MessageKind::kFollowUpScore) {
      AddScore(m, &blocks);
    } else if (m.kind == MessageKind::kFollowUp) {
      blocks.push_back(Section("*Follow-up:* " + EscapeMrkdwn(m.text)));
      blocks.push_back(Actions({Button("Skip", "skip"), Button("Hint", "hint")}));
    } else if (m.kind == MessageKind::kModelAnswer) {
      blocks.push_back(Section("*Model answer*\n" + EscapeMrkdwn(m.text)));
    } else if (m.kind == MessageKind::kReport) {
      const json overall = m.data.value("overall", json());
      blocks.push_back(Section(
          (overall.is_number() ? "*Overall score: " + Fixed1(overall.get<double>()) + "/10*"
                               : std::string("*No question was answered.*")) +
          "\n<" + report_url + "|View your report>"));
    } else {
      blocks.push_back(Section(EscapeMrkdwn(m.text)));
    }
  }
  if (blocks.size() > kMaxBlocks) {
    blocks.resize(kMaxBlocks - 1);
    blocks.push_back(Section("_(more in the web report)_"));
  }
  return {{"text", TruncateUtf8(EscapeMrkdwn(fallback), kSectionMaxChars)}, {"blocks", blocks}};
}

json RenderNotice(const std::string& text) {
  return {{"text", TruncateUtf8(EscapeMrkdwn(text), kSectionMaxChars)},
          {"blocks", json::array({Section(EscapeMrkdwn(text))})}};
}

}  // namespace bot
