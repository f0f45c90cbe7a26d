// Text for Slack's mrkdwn, shared by the completion notice (Slack incoming webhooks) and bot/slack's
// Block Kit messages: escaping user text and cutting it to Block Kit's limits. Pure functions;
// thread-safe.
#ifndef BOT_CORE_MRKDWN_H_
#define BOT_CORE_MRKDWN_H_

#include <cstddef>
#include <string>

namespace bot {

// A section's text limit in Block Kit.
constexpr size_t kSectionMaxChars = 3000;

// "&", "<", ">" as &amp; &lt; &gt;: Slack's mrkdwn would otherwise read user text as links,
// mentions or broadcasts (<!channel>).
std::string EscapeMrkdwn(const std::string& text);
// User text shown literally in mrkdwn: escaped as above, and no formatting or link can come from
// it: * _ ~ ` become look-alikes (∗ ＿ ∼ ˋ), and '.' and ':' become one-dot leader and ratio
// (․ ∶), so Slack finds no URL or domain to link. Control characters are dropped.
std::string PlainMrkdwn(const std::string& text);
// At most `max_chars` UTF-8 characters, ending with "…" when cut; never splits a character.
std::string TruncateUtf8(const std::string& text, size_t max_chars);

}  // namespace bot

#endif  // BOT_CORE_MRKDWN_H_
