// Block Kit rendering of the bot's interview messages for Slack: the question (header + scenario),
// the score with per-step coverage, gaps with hints, follow-ups, hints, model answers and the
// report link, with buttons. Text is escaped for mrkdwn and cut to Block Kit's limits. Pure
// functions; thread-safe.
#ifndef BOT_SLACK_SLACK_BLOCKS_H_
#define BOT_SLACK_SLACK_BLOCKS_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/session.h"

namespace bot {

constexpr size_t kHeaderMaxChars = 150;
constexpr size_t kSectionMaxChars = 3000;
constexpr size_t kMaxFields = 10;
constexpr size_t kMaxBlocks = 50;

// "&", "<", ">" as &amp; &lt; &gt;: Slack's mrkdwn would otherwise read user text as links,
// mentions or broadcasts (<!channel>).
std::string EscapeMrkdwn(const std::string& text);
// At most `max_chars` UTF-8 characters, ending with "…" when cut; never splits a character.
std::string TruncateUtf8(const std::string& text, size_t max_chars);

// A chat.postMessage / response_url body (without channel) for the bot messages in `messages`;
// `report_url` is the absolute link used by a report message.
nlohmann::json RenderMessages(const std::vector<Message>& messages, const std::string& report_url);
// A plain reply (help, errors): a section with the escaped text and the text fallback.
nlohmann::json RenderNotice(const std::string& text);

}  // namespace bot

#endif  // BOT_SLACK_SLACK_BLOCKS_H_
