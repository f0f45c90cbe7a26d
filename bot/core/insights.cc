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

// English function words and the verbs and fillers every answer uses: never a "top word".
const std::set<std::string>& Stop() {
  static const std::set<std::string> words = {
      "a", "about", "above", "across", "actually", "add", "after", "again", "against", "all",
      "also", "always", "am", "an", "and", "another", "any", "anything", "are", "around", "as",
      "ask", "at", "away", "back", "basically", "be", "because", "been", "before", "being",
      "below", "best", "better", "between", "both", "but", "by", "can", "can't", "come", "could",
      "did", "didn't", "do", "does", "doesn't", "doing", "don't", "done", "down", "during", "each",
      "either", "else", "enough", "etc", "even", "ever", "every", "few", "first", "for", "from",
      "further", "get", "gets", "getting", "give", "go", "goes", "going", "good", "got", "had",
      "has", "have", "having", "he", "her", "here", "him", "his", "how", "however", "i", "i'd",
      "i'll", "i'm", "i've", "if", "in", "instead", "into", "is", "isn't", "it", "it's", "its",
      "just", "keep", "kind", "know", "last", "least", "less", "let", "like", "look", "lot", "lots",
      "make", "makes", "making", "many", "may", "maybe", "me", "might", "more", "most", "much",
      "must", "my", "need", "needs", "never", "new", "next", "no", "not", "now", "of", "off",
      "often", "ok", "okay", "on", "once", "one", "only", "or", "other", "others", "our", "out",
      "over", "own", "per", "pretty", "probably", "put", "quite", "rather", "really", "right",
      "said", "same", "say", "see", "should", "since", "so", "some", "something", "sort", "start",
      "still", "stuff", "such", "sure", "take", "than", "that", "that's", "the", "their", "them",
      "then", "there", "there's", "these", "they", "they're", "thing", "things", "think", "this",
      "those", "though", "through", "to", "too", "two", "under", "until", "up", "us", "use",
      "used", "using", "very", "via", "want", "was", "way", "we", "we'd", "we'll", "we're",
      "we've", "well", "were", "what", "when", "where", "whether", "which", "while", "who", "why",
      "will", "with", "within", "without", "won't", "would", "yeah", "yes", "yet", "you", "your"};
  return words;
}

// A filler word that is not filler in these phrases: "not just X", "just in time", "not really".
struct NotFiller {
  const char* before;  // the token just before it, or ""
  const char* after;   // the tokens just after it, or ""
};

bool IsFillerUse(const std::vector<std::string>& tokens, size_t i) {
  static const std::vector<std::pair<std::string, NotFiller>> exceptions = {
      {"just", {"not", ""}},          {"just", {"", "in time"}}, {"just", {"", "in case"}},
      {"just", {"", "as"}},           {"just", {"", "enough"}},  {"just", {"", "now"}},
      {"just", {"", "before"}},       {"just", {"", "after"}},   {"really", {"not", ""}},
      {"actually", {"", "work"}},     {"actually", {"", "works"}},
  };
  for (const auto& [word, ex] : exceptions) {
    if (word != tokens[i]) continue;
    const std::string before = ex.before, after = ex.after;
    if (!before.empty() && i > 0 && tokens[i - 1] == before) return false;
    if (!after.empty()) {
      std::string next;
      for (size_t j = i + 1; j < tokens.size() && next.size() < after.size(); ++j) {
        next += (next.empty() ? "" : " ") + tokens[j];
      }
      if (next == after) return false;
    }
  }
  return true;
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

// Filler words and phrases, counted only where used as filler (IsFillerUse).
nlohmann::json Fillers(const std::vector<std::string>& tokens) {
  nlohmann::json found = nlohmann::json::array();
  for (const auto& phrase : FillerPhrases()) {
    if (phrase.find(' ') != std::string::npos) {
      for (const auto& p : Found(tokens, {phrase})) found.push_back(p);
      continue;
    }
    int count = 0;
    for (size_t i = 0; i < tokens.size(); ++i) count += tokens[i] == phrase && IsFillerUse(tokens, i);
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
          {"filler", Fillers(tokens)},
          {"job_terms", job_terms}};
}

}  // namespace bot
