#include "pattern_size.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace rubric::internal {
namespace {

// The most instructions each piece compiles to in Latin-1 with case folding, generously: a
// literal is one byte range (two with its other case, an Alt to join them), a class at most two
// ranges per character of its text plus its negation's gaps, each with an Alt, and a named class
// (\w, \pL, [:alpha:]) at most the ranges of its Latin-1 part.
constexpr long kLiteral = 4;
constexpr long kAnyChar = 8;
constexpr long kNamedClass = 64;
constexpr long kOperator = 4;     // the Alt or Nop of `*`, `+`, `?`, `|` and each repeated copy
constexpr long kCapture = 4;      // a capturing group's two Capture instructions
constexpr long kOverhead = 16;    // Fail, Match and the unanchored prefix
constexpr long kMaxRepeat = 1000; // RE2's own limit
constexpr int kMaxDepth = 1000;    // of nested groups: RE2's own limit

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  // The bound of an alternation up to `)` (inside a group) or the end; nullopt if not understood.
  std::optional<long> Alternation(bool in_group) {
    long total = 0;
    while (true) {
      const auto seq = Sequence();
      if (!seq) return std::nullopt;
      total += *seq;
      if (pos_ < text_.size() && text_[pos_] == '|') {
        ++pos_;
        total += kOperator;
        continue;
      }
      break;
    }
    if (in_group) {
      if (pos_ >= text_.size() || text_[pos_] != ')') return std::nullopt;
      ++pos_;
    } else if (pos_ != text_.size()) {
      return std::nullopt;  // an unmatched ')'
    }
    return total;
  }

 private:
  std::optional<long> Sequence() {
    long total = 0;
    while (pos_ < text_.size() && text_[pos_] != '|' && text_[pos_] != ')') {
      auto atom = Atom();
      if (!atom) return std::nullopt;
      const auto repeated = Repeat(*atom);
      if (!repeated) return std::nullopt;
      total += *repeated;
      if (total > (1L << 40)) return std::nullopt;
    }
    return total;
  }

  std::optional<long> Atom() {
    const char c = text_[pos_++];
    switch (c) {
      case '\\':
        return Escape(false);
      case '[':
        return Class();
      case '(':
        return Group();
      case '.':
        return kAnyChar;
      case '*': case '+': case '?':
        return std::nullopt;  // a repetition of nothing: RE2 refuses it
      default:
        return kLiteral;  // ^ and $ are one instruction too
    }
  }

  // After a backslash, outside a class or (`in_class`) inside one.
  std::optional<long> Escape(bool in_class) {
    if (pos_ >= text_.size()) return std::nullopt;
    const char c = text_[pos_++];
    if (c == 'p' || c == 'P') {
      if (pos_ >= text_.size()) return std::nullopt;
      if (text_[pos_] == '{') {
        const size_t close = text_.find('}', pos_);
        if (close == std::string_view::npos) return std::nullopt;
        pos_ = close + 1;
      } else {
        ++pos_;
      }
      return kNamedClass;
    }
    if (std::strchr("dDsSwW", c)) return kNamedClass;
    if (c == 'x') return Hex() ? std::optional<long>(kLiteral) : std::nullopt;
    if (c == 'Q' || c == 'C' || (c >= '0' && c <= '9')) {
      return std::nullopt;  // quoted text, any byte, octal and back-references: left to the compile
    }
    if (!in_class && std::strchr("bBAz", c)) return kLiteral;  // empty-width assertions
    if (std::isalnum(static_cast<unsigned char>(c))) {
      return std::strchr("aftnrv", c) ? std::optional<long>(kLiteral) : std::nullopt;
    }
    return kLiteral;  // an escaped punctuation character
  }

  // After "\\x": two hex digits or {digits}, one character.
  bool Hex() {
    auto hex = [&](size_t p) { return p < text_.size() && std::isxdigit(static_cast<unsigned char>(text_[p])); };
    if (hex(pos_) && hex(pos_ + 1)) {
      pos_ += 2;
      return true;
    }
    if (pos_ >= text_.size() || text_[pos_] != '{') return false;
    size_t p = pos_ + 1;
    while (hex(p) && p - pos_ <= 8) ++p;
    if (p == pos_ + 1 || p >= text_.size() || text_[p] != '}') return false;
    pos_ = p + 1;
    return true;
  }

  // After '['.
  std::optional<long> Class() {
    long total = 2 * kLiteral;  // a negation's extra gap
    if (pos_ < text_.size() && text_[pos_] == '^') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == ']') {  // a leading ']' is a literal
      ++pos_;
      total += 2 * kLiteral;
    }
    while (pos_ < text_.size() && text_[pos_] != ']') {
      const char c = text_[pos_++];
      if (c == '\\') {
        const auto e = Escape(true);
        if (!e) return std::nullopt;
        total += 2 * *e;
      } else if (c == '[' && pos_ < text_.size() && text_[pos_] == ':') {
        const size_t close = text_.find(":]", pos_);
        if (close == std::string_view::npos) return std::nullopt;
        pos_ = close + 2;
        total += 2 * kNamedClass;
      } else {
        total += 2 * kLiteral;
      }
    }
    if (pos_ >= text_.size()) return std::nullopt;
    ++pos_;
    return total;
  }

  // After '('.
  std::optional<long> Group() {
    long extra = kCapture;
    if (pos_ < text_.size() && text_[pos_] == '?') {
      // (?:...), (?flags:...), (?flags), (?P<name>...)
      ++pos_;
      if (pos_ < text_.size() && text_[pos_] == 'P') {
        const size_t close = text_.find('>', pos_);
        if (close == std::string_view::npos) return std::nullopt;
        pos_ = close + 1;
      } else {
        while (pos_ < text_.size() && (std::isalpha(static_cast<unsigned char>(text_[pos_])) ||
                                       text_[pos_] == '-')) {
          ++pos_;
        }
        if (pos_ >= text_.size()) return std::nullopt;
        if (text_[pos_] == ')') {  // flags for the rest: no instruction
          ++pos_;
          return 0;
        }
        if (text_[pos_] != ':') return std::nullopt;
        ++pos_;
        extra = 0;
      }
    }
    if (++depth_ > kMaxDepth) return std::nullopt;  // RE2 refuses deeper nesting too
    const auto inside = Alternation(true);
    --depth_;
    if (!inside) return std::nullopt;
    return *inside + extra;
  }

  // The bound of `atom` followed by any repetition operator.
  std::optional<long> Repeat(long atom) {
    if (pos_ >= text_.size()) return atom;
    const char c = text_[pos_];
    if (c == '*' || c == '+' || c == '?') {
      ++pos_;
      if (pos_ < text_.size() && text_[pos_] == '?') ++pos_;  // non-greedy
      if (pos_ < text_.size() && std::strchr("*+?{", text_[pos_])) return std::nullopt;
      return atom + kOperator;
    }
    if (c != '{') return atom;
    // {n}, {n,} or {n,m}; anything else is a literal '{' (the next atom).
    size_t p = pos_ + 1;
    long n = 0, m = -1;
    if (!Number(&p, &n)) return atom;
    if (p < text_.size() && text_[p] == ',') {
      ++p;
      if (p < text_.size() && text_[p] == '}') {
        m = n + 1;  // {n,}: n copies and a star
      } else if (!Number(&p, &m)) {
        return atom;
      }
    } else {
      m = n;
    }
    if (p >= text_.size() || text_[p] != '}') return atom;
    if (n > kMaxRepeat || m > kMaxRepeat) return std::nullopt;
    pos_ = p + 1;
    if (pos_ < text_.size() && text_[pos_] == '?') ++pos_;
    const long copies = std::max<long>(1, std::max(n, m));
    return copies * (atom + kOperator);
  }

  bool Number(size_t* p, long* value) {
    const size_t start = *p;
    *value = 0;
    while (*p < text_.size() && std::isdigit(static_cast<unsigned char>(text_[*p])) && *p - start < 5) {
      *value = *value * 10 + (text_[*p] - '0');
      ++*p;
    }
    return *p > start;
  }

  std::string_view text_;
  size_t pos_ = 0;
  int depth_ = 0;
};

}  // namespace

std::optional<long> ProgramSizeBound(std::string_view pattern) {
  Reader reader(pattern);
  const auto bound = reader.Alternation(false);
  if (!bound) return std::nullopt;
  return *bound + kOverhead;
}

}  // namespace rubric::internal
