// HMAC-SHA256 as lowercase hex, and a constant-time string comparison, on OpenSSL. Pure functions;
// thread-safe.
#ifndef BOT_SLACK_HMAC_H_
#define BOT_SLACK_HMAC_H_

#include <string>

namespace bot {

std::string HmacSha256Hex(const std::string& key, const std::string& message);
// Compares in time that depends only on the lengths, so a forger learns nothing from timing.
bool ConstantTimeEquals(const std::string& a, const std::string& b);

}  // namespace bot

#endif  // BOT_SLACK_HMAC_H_
