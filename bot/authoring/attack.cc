#include "authoring/attack.h"

#include <cstdint>
#include <set>

namespace bot {
namespace {

std::vector<std::string> SplitWords(const std::string& text) {
  std::vector<std::string> words;
  std::string w;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      if (!w.empty()) words.push_back(w), w.clear();
    } else {
      w += c;
    }
  }
  if (!w.empty()) words.push_back(w);
  return words;
}

// Model-answer sentences as the scorer sees them: split after . ! ? : ; followed by white space,
// at line breaks and before " - " list items. Each keeps the separator that followed it (a space
// or a line break), so a negated answer keeps the model answer's lines.
struct Piece {
  std::string sentence;
  const char* separator;
};

std::vector<Piece> SplitSentences(const std::string& text) {
  std::vector<Piece> out;
  std::string s;
  const auto emit = [&](const char* separator) {
    if (SplitWords(s).size() >= 3) {
      out.push_back({s, separator});
    } else if (!out.empty() && *separator == '\n') {
      out.back().separator = "\n";
    }
    s.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || (c == '-' && i + 1 < text.size() && text[i + 1] == ' ' &&
                       (s.empty() || s.back() == ' '))) {
      emit(c == '\n' ? "\n" : " ");
      continue;
    }
    s += c;
    if ((c == '.' || c == '!' || c == '?' || c == ':' || c == ';') &&
        (i + 1 == text.size() || text[i + 1] == ' ')) {
      emit(" ");
    }
  }
  emit("");
  return out;
}

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return s;
}

// A small fixed-seed generator, so every run attacks with the same answers.
uint64_t Next(uint64_t* state) {
  *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
  return *state >> 33;
}

std::string Shuffled(const std::string& text, uint64_t seed) {
  std::vector<std::string> words;
  for (auto& w : SplitWords(text)) {
    std::string clean;
    for (char c : w) {
      if (c != '.' && c != ',' && c != ';' && c != ':' && c != '!' && c != '?' && c != '`' && c != '*') clean += c;
    }
    if (!clean.empty() && clean != "-") words.push_back(Lower(clean));
  }
  for (size_t i = words.size(); i > 1; --i) std::swap(words[i - 1], words[Next(&seed) % i]);
  // Sentences of 12-20 words, so the shuffle looks like prose rather than one run-on line.
  std::string out;
  size_t in_sentence = 0, length = 12 + Next(&seed) % 9;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string w = words[i];
    if (in_sentence == 0 && !w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 32);
    out += (out.empty() ? "" : " ") + w;
    if (++in_sentence == length || i + 1 == words.size()) {
      out += ".";
      in_sentence = 0;
      length = 12 + Next(&seed) % 9;
    }
  }
  return out;
}

// A concept's terms: the content words of its name's head phrase (before any ":", ";", "(" or
// ","), at most five. A derived concept's name is already a term ("idempotency key"); a
// hand-written one is often a whole description, whose list would be an outline of the answer
// rather than a list of its jargon.
std::string Terms(const std::string& name) {
  static const std::set<std::string> function_words = {
      "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "and",
      "or", "but", "so", "is", "are", "was", "were", "be", "it", "its", "that", "this", "which",
      "who", "as", "than", "then", "only", "not", "no", "every", "each", "all", "any", "one", "you",
      "your", "we", "our", "they", "their", "what", "how", "why", "when", "where", "before",
      "after", "without", "over", "under", "per", "vs", "via"};
  const std::string head = name.substr(0, name.find_first_of(":;(,"));
  std::string terms;
  int kept = 0;
  for (const auto& w : SplitWords(head)) {
    if (kept == 5 || function_words.count(Lower(w))) continue;
    terms += (terms.empty() ? "" : " ") + w;
    ++kept;
  }
  return terms.empty() ? name : terms;
}

}  // namespace

std::string NegateSentence(const std::string& raw) {
  const size_t b = raw.find_first_not_of(" \t");
  const std::string sentence = b == std::string::npos ? "" : raw.substr(b);
  static const std::set<std::string> aux = {"is", "are", "was", "were", "can", "should", "will",
                                            "would", "must", "could", "does", "do", "has", "have"};
  // Only an auxiliary among the first words, before any comma or bracket, is the main verb's;
  // "not" after a later one would negate a side clause and leave the claim standing.
  auto words = SplitWords(sentence);
  for (size_t i = 0; i < words.size() && i < 6; ++i) {
    if (words[i].find_first_of(",;:()") != std::string::npos) break;
    if (aux.count(Lower(words[i]))) {
      words.insert(words.begin() + i + 1, "not");
      std::string out;
      for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
      return out;
    }
  }
  std::string rest = sentence;
  if (!rest.empty() && rest[0] >= 'A' && rest[0] <= 'Z') rest[0] = static_cast<char>(rest[0] + 32);
  return "It is not true that " + rest;
}

std::vector<Attack> MakeAttacks(const rubric::Question& q) {
  std::vector<Attack> attacks;
  std::string list, lines;
  for (const auto& c : q.rubric.concepts) {
    const std::string terms = Terms(c.name);
    list += (list.empty() ? "" : ", ") + terms;
    lines += "- " + terms + "\n";
  }
  attacks.push_back({"term-list", list + "."});
  attacks.push_back({"term-lines", lines});
  attacks.push_back({"term-sentence", "My answer involves " + list + "."});
  for (uint64_t seed = 1; seed <= 3; ++seed) {
    attacks.push_back({"shuffled-" + std::to_string(seed), Shuffled(q.model_answer, seed)});
  }
  attacks.push_back({"echo", q.question + "\n\n" + q.scenario});
  std::string negated;
  for (const auto& piece : SplitSentences(q.model_answer)) {
    negated += NegateSentence(piece.sentence) + piece.separator;
  }
  while (!negated.empty() && (negated.back() == ' ' || negated.back() == '\n')) negated.pop_back();
  attacks.push_back({"negated", negated});
  return attacks;
}

}  // namespace bot
