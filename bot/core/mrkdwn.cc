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

std::string PlainMrkdwn(const std::string& text) {
  std::string out;
  for (char c : EscapeMrkdwn(text)) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) continue;
    switch (c) {
      case '*': out += "\u2217"; break;
      case '_': out += "\uff3f"; break;
      case '~': out += "\u223c"; break;
      case '`': out += "\u02cb"; break;
      case '.': out += "\u2024"; break;
      case ':': out += "\u2236"; break;
      default: out += c;
    }
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
