#include "slack/report_link.h"

#include "slack/hmac.h"

namespace bot {

std::string ReportLinkKey(const std::string& signing_secret) {
  // A derived key, so a report token never doubles as a request signature.
  return signing_secret.empty() ? "" : HmacSha256Hex(signing_secret, "interview-bot report links");
}

std::string ReportToken(const std::string& key, const std::string& session_id) {
  return HmacSha256Hex(key, "report:" + session_id);
}

bool ValidReportToken(const std::string& key, const std::string& session_id, const std::string& token) {
  return !key.empty() && ConstantTimeEquals(ReportToken(key, session_id), token);
}

}  // namespace bot
