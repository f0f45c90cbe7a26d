#include "core/insights.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <vector>

namespace bot {
namespace {

const std::vector<std::string>& HedgingPhrases() {
  static const std::vector<std::string> phrases = {
      "maybe", "perhaps", "probably", "possibly", "i think", "i guess", "i believe", "kind of",
      "sort of", "might", "not sure", "i suppose", "hopefully", "somewhat", "more or less"};
  return phrases;
}

const std::vector<std::string>& FillerPhrases() {
  static const std::vector<std::string> phrases = {
      "basically", "actually", "literally", "really", "you know", "stuff", "things like that",
      "so yeah", "honestly", "obviously", "just"};
  return phrases;
}

const std::set<std::string>& Stop() {
  static const std::set<std::string> words = {
      "the", "and", "for", "that", "this", "with", "are", "was", "but", "not", "you", "your",
      "our", "its", "it's", "can", "will", "would", "should", "could", "have", "has", "had",
      "from", "into", "then", "than", "when", "what", "which", "they", "them", "there", "their",
      "been", "being", "were", "also", "only", "each", "every", "some", "any", "all", "one",
      "two", "more", "most", "very", "just", "how", "why", "who", "out", "about", "over", "after",
      "before", "because", "while", "where", "these", "those", "i'd", "we'd", "i'm", "don't",
      "use", "make", "get", "let", "need", "like", "way", "much", "many", "still", "even", "both"};
  return words;
}

std::string Lower(const std::string& s) {
  std::string out = s;
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> Tokens(const std::string& lower) {
  std::vector<std::string> tokens;
  std::string cur;
  for (char c : lower) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '\'' || c == '-' ||
        (static_cast<unsigned char>(c) & 0x80)) {
      cur += c;
    } else if (!cur.empty()) {
      tokens.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) tokens.push_back(cur);
  return tokens;
}

// The phrases of `list` that occur in `tokens` as whole words, in list order.
nlohmann::json Found(const std::vector<std::string>& tokens, const std::vector<std::string>& list) {
  std::string joined = " ";
  for (const auto& t : tokens) joined += t + " ";
  nlohmann::json found = nlohmann::json::array();
  for (const auto& phrase : list) {
    size_t count = 0;
    for (size_t pos = joined.find(" " + phrase + " "); pos != std::string::npos;
         pos = joined.find(" " + phrase + " ", pos + 1)) {
      ++count;
    }
    if (count) found.push_back({phrase, count});
  }
  return found;
}

}  // namespace

nlohmann::json Insights(const std::string& answer, const rubric::Result& result) {
  const std::vector<std::string> tokens = Tokens(Lower(answer));
  std::map<std::string, int> counts;
  for (const auto& t : tokens) {
    if (t.size() >= 3 && !Stop().count(t)) ++counts[t];
  }
  std::vector<std::pair<std::string, int>> top(counts.begin(), counts.end());
  std::stable_sort(top.begin(), top.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  nlohmann::json top_words = nlohmann::json::array();
  for (size_t i = 0; i < top.size() && i < 8 && top[i].second > 1; ++i) {
    top_words.push_back({top[i].first, top[i].second});
  }
  nlohmann::json job_terms = nlohmann::json::array();
  for (const auto& c : result.concepts) {
    if (c.credit > 0) job_terms.push_back(c.name);
  }
  return {{"words", tokens.size()},
          {"top_words", top_words},
          {"hedging", Found(tokens, HedgingPhrases())},
          {"filler", Found(tokens, FillerPhrases())},
          {"job_terms", job_terms}};
}

}  // namespace bot
