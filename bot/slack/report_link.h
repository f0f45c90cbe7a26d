// Report links for Slack interviews. The web API shows a Slack session only to a request carrying
// the token the bot puts in the report links it gives the session's owner: HMAC-SHA256(key,
// "report:" + session id) as hex, the key derived from the Slack signing secret, so there is no new
// secret to configure. Pure functions; thread-safe.
#ifndef BOT_SLACK_REPORT_LINK_H_
#define BOT_SLACK_REPORT_LINK_H_

#include <string>

namespace bot {

// The key for report tokens; "" (no token is ever valid) when `signing_secret` is "".
std::string ReportLinkKey(const std::string& signing_secret);
std::string ReportToken(const std::string& key, const std::string& session_id);
// True when `token` is the token of `session_id` under a non-empty `key` (constant time).
bool ValidReportToken(const std::string& key, const std::string& session_id, const std::string& token);

}  // namespace bot

#endif  // BOT_SLACK_REPORT_LINK_H_
