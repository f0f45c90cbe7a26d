// Block Kit rendering of the bot's interview messages for Slack: the question (header + scenario),
// the score with per-step coverage, gaps with hints, follow-ups, hints, model answers and the
// report link, with buttons. Text is escaped for mrkdwn and cut to Block Kit's limits. Pure
// functions; thread-safe.
#ifndef BOT_SLACK_SLACK_BLOCKS_H_
#define BOT_SLACK_SLACK_BLOCKS_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/mrkdwn.h"
#include "core/session.h"

namespace bot {

constexpr size_t kHeaderMaxChars = 150;
constexpr size_t kMaxFields = 10;
constexpr size_t kMaxBlocks = 50;

// A chat.postMessage / response_url body (without channel) for the bot messages in `messages`;
// `report_url` is the absolute link used by a report message.
nlohmann::json RenderMessages(const std::vector<Message>& messages, const std::string& report_url);
// A plain reply (help, errors): a section with the escaped text and the text fallback.
nlohmann::json RenderNotice(const std::string& text);

}  // namespace bot

#endif  // BOT_SLACK_SLACK_BLOCKS_H_
