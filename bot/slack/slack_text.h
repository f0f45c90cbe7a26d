// PlainFromSlack: the text a person typed, from the text Slack delivers. Slack escapes `&`, `<`
// and `>` as entities and writes links, mentions and channels as `<…>` markup; answers are stored
// and scored as typed, so both are undone here. Pure function, thread-safe.
#ifndef BOT_SLACK_SLACK_TEXT_H_
#define BOT_SLACK_SLACK_TEXT_H_

#include <string>
#include <string_view>

namespace bot {

// "<https://x.io|x.io>" -> "x.io", "<https://x.io>" -> "https://x.io", "<@U1>" -> "@U1",
// "<#C1|general>" -> "#general", "&lt;b&gt; &amp;" -> "<b> &".
std::string PlainFromSlack(std::string_view text);

}  // namespace bot

#endif  // BOT_SLACK_SLACK_TEXT_H_
