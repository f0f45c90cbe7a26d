#include "core/mrkdwn.h"

namespace bot {

std::string EscapeMrkdwn(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

std::string TruncateUtf8(const std::string& text, size_t max_chars) {
  size_t chars = 0, i = 0, cut = std::string::npos;
  while (i < text.size()) {
    if (chars == max_chars - 1) cut = i;  // where "…" would go
    if (chars == max_chars) return text.substr(0, cut) + "…";
    const unsigned char c = static_cast<unsigned char>(text[i]);
    i += c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    ++chars;
  }
  return text;
}

}  // namespace bot
