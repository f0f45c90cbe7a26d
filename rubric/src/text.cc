#include "text.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

namespace rubric::internal {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";

// Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid.
size_t ValidSequenceLength(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return c == 0 ? 0 : 1;
  size_t len;
  uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2, cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3, cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4, cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
      (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  return len;
}

uint32_t DecodeValid(std::string_view s, size_t i, size_t len) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  if (len == 1) return byte(i);
  uint32_t cp = byte(i) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (byte(i + k) & 0x3F);
  return cp;
}

bool IsSpaceCodePoint(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' ||
         cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// ASCII replacement for punctuation that people type in many forms; nullptr to keep the bytes.
const char* AsciiFor(uint32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D: return "-";
    case 0x2022: case 0x2023: case 0x25CF: case 0x25AA: case 0x2043: return "-";
    case 0x2026: return "...";
    case 0x00D7: return "x";
    case 0x2192: return "->";
    case 0x2248: return "~";
    case 0x2265: return ">=";
    case 0x2264: return "<=";
    case 0x200B: case 0x200C: case 0x200D: case 0xFEFF: case 0x00AD: return "";
    default: return nullptr;
  }
}

bool IsAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// True when `s` at `i` starts a list item: "- ", "* ", "# ", "12. ", "3) ".
bool StartsListItem(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  if ((s[i] == '-' || s[i] == '*' || s[i] == '#') && i + 1 < s.size() && s[i + 1] == ' ') return true;
  size_t k = i;
  while (k < s.size() && k - i < 3 && std::isdigit(static_cast<unsigned char>(s[k]))) ++k;
  return k > i && k + 1 < s.size() && (s[k] == '.' || s[k] == ')') && s[k + 1] == ' ';
}

// A line that opens with a capital (other than "I") starts a new statement: notes and outlines
// put one per line without punctuation, while soft-wrapped prose continues in lower case.
bool StartsCapitalisedLine(std::string_view s, size_t i) {
  if (i >= s.size() || s[i] < 'A' || s[i] > 'Z') return false;
  return !(s[i] == 'I' && (i + 1 == s.size() || s[i + 1] == ' ' || s[i + 1] == '\''));
}

const std::unordered_set<std::string_view>& StopWords() {
  static const auto* words = new std::unordered_set<std::string_view>{
      "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
      "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
      "but", "by", "can", "could", "did", "do", "does", "doing", "done", "down", "during", "each",
      "either", "else", "even", "every", "few", "first", "for", "from", "further", "get", "gets",
      "go", "going", "had", "has", "have", "having", "he", "her", "here", "him", "his", "how", "i",
      "i'd", "i'll", "i'm", "i've", "if", "in", "into", "is", "it", "it's", "its", "itself", "just",
      "let", "let's", "like", "make", "makes", "may", "me", "might", "more", "most", "much", "must",
      "my", "need", "needs", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only",
      "or", "other", "our", "ours", "out", "over", "own", "per", "really", "same", "second", "she",
      "should", "so", "some", "such", "than", "that", "that's", "the", "their", "them", "then",
      "there", "there's", "these", "they", "this", "those", "through", "to", "too", "under",
      "until", "up", "upon", "us", "use", "used", "using", "very", "via", "was", "we", "we'd",
      "we'll", "we're", "we've", "were", "what", "when", "where", "whether", "which", "while",
      "who", "whom", "why", "will", "with", "within", "without", "would", "yet", "you", "your",
      "don't", "doesn't", "didn't", "won't", "wouldn't", "can't", "cannot", "isn't", "aren't",
      "wasn't", "shouldn't", "couldn't", "never", "always", "still", "though", "although",
      "since", "unless", "instead", "rather", "which", "what's", "they're", "you're", "etc",
      "e.g", "i.e", "vs", "basically", "actually", "probably", "maybe", "thing", "things", "way",
      "want", "well", "lot", "lots", "something", "anything", "everything", "many", "say", "take",
      "put", "see", "look", "know", "think", "try", "keep", "give", "come", "back", "new", "two",
      "three", "would've", "could've", "should've", "ever", "already", "enough", "around"};
  return *words;
}

bool IsAbbreviation(std::string_view word) {
  static const std::unordered_set<std::string_view> kAbbrev = {
      "e.g", "i.e", "eg", "ie", "vs", "etc", "approx", "incl", "cf", "mr", "mrs", "dr", "fig"};
  return kAbbrev.count(word) > 0;
}

}  // namespace

std::string RepairUtf8(std::string_view in) {
  size_t valid = 0;
  while (valid < in.size()) {
    const size_t len = ValidSequenceLength(in, valid);
    if (len == 0) break;
    valid += len;
  }
  if (valid == in.size()) return std::string(in);
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size();) {
    const size_t len = ValidSequenceLength(in, i);
    if (len == 0) {
      out += kReplacement;
      ++i;
    } else {
      out.append(in.substr(i, len));
      i += len;
    }
  }
  return out;
}

size_t CountCodePoints(std::string_view s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

NormalizedText Normalize(std::string_view s) {
  // Pass 1: map code points, keep every space; pass 2: collapse runs of space.
  std::string mapped;
  std::vector<size_t> mapped_origin;
  mapped.reserve(s.size());
  mapped_origin.reserve(s.size() + 1);
  for (size_t i = 0; i < s.size();) {
    size_t len = ValidSequenceLength(s, i);
    if (len == 0) len = 1;  // callers repair first; stay safe if they did not
    const uint32_t cp = DecodeValid(s, i, len);
    if (cp < 0x80) {
      const char c = static_cast<char>(cp);
      mapped.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      mapped_origin.push_back(i);
    } else if (IsSpaceCodePoint(cp)) {
      mapped.push_back(cp == 0x2028 || cp == 0x2029 ? '\n' : ' ');
      mapped_origin.push_back(i);
    } else if (const char* ascii = AsciiFor(cp)) {
      for (const char* p = ascii; *p; ++p) {
        mapped.push_back(*p);
        mapped_origin.push_back(i);
      }
    } else {
      for (size_t k = 0; k < len; ++k) {
        mapped.push_back(s[i + k]);
        mapped_origin.push_back(i + k);
      }
    }
    i += len;
  }

  NormalizedText out;
  out.text.reserve(mapped.size());
  out.origin.reserve(mapped.size() + 1);
  const auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
  };
  for (size_t i = 0; i < mapped.size();) {
    if (!is_space(mapped[i])) {
      out.text.push_back(mapped[i]);
      out.origin.push_back(mapped_origin[i]);
      ++i;
      continue;
    }
    const size_t run_begin = i;
    int newlines = 0;
    while (i < mapped.size() && is_space(mapped[i])) newlines += mapped[i++] == '\n';
    if (out.text.empty() || i == mapped.size()) continue;  // trim both ends
    const char last = out.text.back();
    const bool hard = newlines >= 2 ||
                      (newlines == 1 && (last == '.' || last == '!' || last == '?' ||
                                         last == ':' || last == ';' || StartsListItem(mapped, i) ||
                                         StartsCapitalisedLine(s, mapped_origin[i])));
    out.text.push_back(hard ? '\n' : ' ');
    out.origin.push_back(mapped_origin[run_begin]);
  }
  out.origin.push_back(s.size());
  return out;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !IsAlnum(s[i])) ++i;
    if (i >= s.size()) break;
    const size_t begin = i;
    while (i < s.size()) {
      if (IsAlnum(s[i])) {
        ++i;
      } else if ((s[i] == '\'' || s[i] == '+' || s[i] == '#' || s[i] == '.' || s[i] == '/' ||
                  s[i] == '-') &&
                 i + 1 < s.size() && IsAlnum(s[i + 1])) {
        i += 2;
      } else {
        break;
      }
    }
    words.push_back(s.substr(begin, i - begin));
  }
  return words;
}

bool IsStopWord(std::string_view word) { return StopWords().count(word) > 0; }

int ScrambledPairs(std::string_view sentence) {
  static const std::unordered_set<std::string_view> determiners = {"the", "a", "an"};
  static const std::unordered_set<std::string_view> prepositions = {
      "of", "to", "in", "on", "at", "by", "for", "with", "from", "into"};
  static const std::unordered_set<std::string_view> no_noun = {
      "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "is",
      "are", "was", "were", "be", "and", "or", "but", "it", "we", "i", "you", "they", "not",
      "will", "would", "can", "should", "could", "has", "have", "had", "that", "which"};
  const auto words = Words(sentence);
  int bad = 0;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    const bool det = determiners.count(words[i]) > 0;
    const bool prep = prepositions.count(words[i]) > 0;
    if (!det && !prep) continue;
    const std::string_view next = words[i + 1];
    // "in the", "to a", "of an" are prose; a preposition before anything else without a noun is not.
    if (det ? no_noun.count(next) > 0 : (no_noun.count(next) > 0 && !determiners.count(next) &&
                                         next != "it" && next != "we" && next != "you" &&
                                         next != "they" && next != "i" && next != "that" &&
                                         next != "which" && next != "be" && next != "have")) {
      ++bad;
    }
  }
  // Words no written sentence ends with.
  static const std::unordered_set<std::string_view> never_last = {
      "the", "a", "an", "and", "or", "but", "of", "my", "our", "their", "your", "its", "we", "i",
      "they", "very", "than", "because", "if", "when", "whether", "is", "are", "was", "were",
      "will", "would", "should", "can", "could", "the", "into", "from", "by", "per", "with", "not"};
  if (!words.empty() && never_last.count(words.back())) ++bad;
  return bad;
}

bool IsReasonedNote(std::string_view body) {
  // Words that state a relation themselves: what follows is the reason or the consequence.
  static const std::unordered_set<std::string_view> relations = {
      "because", "so", "since", "therefore", "thus", "hence", "otherwise", "means", "avoids",
      "avoid", "prevents", "prevent", "stops", "cuts", "keeps", "reduces", "instead", "rather",
      "unless", "until", "but", "which", "whereas", "causes", "caused", "breaks", "fails"};
  static const char* const signs[] = {"->", "=>", " - ", ": ", " = ", "; "};
  const auto words = Words(body);
  if (words.size() < 4) return false;
  const auto has_substance = [](const std::vector<std::string_view>& reason) {
    if (reason.size() >= 4) return true;
    if (reason.size() < 2) return false;
    for (auto w : reason) {
      if (IsStopWord(w) || std::isdigit(static_cast<unsigned char>(w[0]))) return true;
    }
    return false;
  };
  for (size_t i = 1; i + 1 < words.size(); ++i) {
    if (relations.count(words[i])) return true;
  }
  for (const char* sign : signs) {
    const size_t at = body.find(sign);
    if (at == std::string_view::npos || at == 0) continue;
    if (Words(body.substr(0, at)).empty()) continue;
    if (has_substance(Words(body.substr(at + std::string_view(sign).size())))) return true;
  }
  return false;
}

namespace {

void Classify(std::string_view text, Sentence* sentence) {
  const std::string_view body = text.substr(sentence->begin, sentence->end - sentence->begin);
  const auto words = Words(body);
  sentence->words = static_cast<int>(words.size());
  sentence->fragment = words.size() < 3;
  sentence->question = !body.empty() && body.back() == '?';
  int stop = 0;
  for (auto w : words) stop += IsStopWord(w);
  int segments = 1;
  for (char c : body) segments += (c == ',' || c == ';');
  const double words_per_segment = static_cast<double>(words.size()) / segments;
  // A long enumeration of short phrases is a list however it is punctuated ("idempotency key
  // per payment, outbox table, ..."); a shorter one, or a run of terms without function words, is
  // a list unless it gives a reason for them.
  const bool enumeration = segments >= 8 && words_per_segment <= 6.0;
  sentence->reasoned = !enumeration && IsReasonedNote(body);
  sentence->list_like = enumeration ||
                        (!sentence->reasoned &&
                         ((segments >= 4 && words_per_segment <= 3.0) ||
                          (words.size() >= 6 && stop * 10 < static_cast<int>(words.size()))));
}

}  // namespace

std::vector<Sentence> SplitSentences(std::string_view text) {
  std::vector<Sentence> sentences;
  size_t begin = 0;
  const auto emit = [&](size_t end) {
    size_t b = begin, e = end;
    while (b < e && (text[b] == ' ' || text[b] == '\n' || text[b] == '-' || text[b] == '*')) ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\n')) --e;
    if (e > b) {
      Sentence sentence;
      sentence.begin = b;
      sentence.end = e;
      Classify(text, &sentence);
      if (sentence.words > 0) sentences.push_back(sentence);
    }
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      emit(i);
      begin = i + 1;
    } else if ((c == '.' || c == '!' || c == '?') &&
               (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n')) {
      if (c == '.') {
        size_t w = i;
        while (w > begin && text[w - 1] != ' ' && text[w - 1] != '(') --w;
        if (IsAbbreviation(text.substr(w, i - w))) continue;
      }
      emit(i + 1);
      begin = i + 1;
    }
  }
  emit(text.size());
  return sentences;
}

}  // namespace rubric::internal
