#include "slack/slack_text.h"

namespace bot {
namespace {

// The readable part of one piece of markup, given what is between its angle brackets.
std::string Readable(std::string_view inner) {
  const size_t bar = inner.find('|');
  std::string_view target = inner.substr(0, bar);
  std::string_view label = bar == std::string_view::npos ? std::string_view() : inner.substr(bar + 1);
  if (!target.empty() && (target[0] == '@' || target[0] == '#')) {
    return std::string(1, target[0]) + std::string(label.empty() ? target.substr(1) : label);
  }
  if (target.substr(0, 1) == "!") return "@" + std::string(label.empty() ? target.substr(1) : label);
  return std::string(label.empty() ? target : label);
}

std::string Unescape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&') {
      if (text.compare(i, 4, "&lt;") == 0) { out += '<'; i += 3; continue; }
      if (text.compare(i, 4, "&gt;") == 0) { out += '>'; i += 3; continue; }
      if (text.compare(i, 5, "&amp;") == 0) { out += '&'; i += 4; continue; }
    }
    out += text[i];
  }
  return out;
}

}  // namespace

std::string PlainFromSlack(std::string_view text) {
  // Markup first: a literal `<` typed by a person arrives as `&lt;`, so every raw `<` is markup.
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    const size_t open = text.find('<', i);
    if (open == std::string_view::npos) break;
    const size_t close = text.find('>', open);
    if (close == std::string_view::npos) break;
    out += Unescape(text.substr(i, open - i));
    out += Unescape(Readable(text.substr(open + 1, close - open - 1)));
    i = close + 1;
  }
  out += Unescape(text.substr(i));
  return out;
}

}  // namespace bot
