#include "derive_words.h"

#include <algorithm>
#include <set>

#include "stem.h"
#include "text.h"

namespace rubric::internal {
namespace {

// Function words of general English. Narrower than the matcher's stop words: "first", "out",
// "before", "many", "two" carry the meaning of many technical answers ("first in, first out").
bool IsFunctionWord(std::string_view w) {
  static const std::set<std::string_view> words = {
      "a", "about", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because",
      "been", "being", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "done",
      "each", "either", "else", "etc", "even", "for", "from", "had", "has", "have", "having", "he",
      "her", "here", "him", "his", "how", "i", "if", "in", "into", "is", "it", "it's", "its",
      "itself", "just", "may", "me", "might", "must", "my", "of", "on", "or", "our", "she",
      "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there",
      "these", "they", "this", "those", "thus", "to", "too", "us", "very", "via", "was", "we",
      "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "why", "will",
      "with", "would", "yet", "you", "your", "i'd", "i'll", "i'm", "we'd", "we'll", "we're",
      "they're", "you're", "that's", "there's", "let's", "what's", "e.g", "i.e", "vs"};
  return words.count(w) > 0;
}

}  // namespace

// Common words of any subject: a concept of weight 1 at most, since naming them shows little.
bool IsGeneralWord(std::string_view w) {
  static const std::set<std::string_view> words = {
      "main", "following", "follow", "include", "including", "called", "call", "certain",
      "different", "various", "example", "able", "allow", "allows", "thing", "way", "make",
      "use", "used", "using", "get", "need", "want", "like", "well", "really", "basically",
      "actually", "probably", "maybe", "just", "lot", "good", "bad", "better", "best", "new",
      "old", "say", "see", "look", "know", "think", "try", "keep", "give", "take", "put", "come",
      "go", "going", "something", "anything", "everything", "someone", "always", "never",
      "still", "already", "enough", "around", "back", "rather", "instead", "since", "though",
      "although", "unless", "until", "upon", "within", "without", "over", "under", "again",
      "once", "other", "another", "same", "own", "only", "most", "more", "much", "many", "few",
      "one", "two", "three", "not", "no", "nor", "don't", "can't", "cannot", "won't", "data",
      "information", "specific", "given", "particular", "actual", "real", "simple", "whole"};
  return words.count(w) > 0 || internal::IsStopWord(w);
}

bool IsContentWord(std::string_view w) {
  if (w.size() < 2 || IsFunctionWord(w)) return false;
  if (w.size() < 3 && (w[0] < '0' || w[0] > '9')) return false;
  return std::any_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::vector<std::string> ContentStems(const std::string& text) {
  const auto norm = internal::Normalize(internal::RepairUtf8(text));
  std::vector<std::string> out;
  for (auto w : internal::Words(norm.text)) {
    if (IsContentWord(w)) out.push_back(Stem(w));
  }
  return out;
}

std::map<std::string, int> DocumentFrequency(const std::vector<std::string>& texts) {
  std::map<std::string, int> df;
  for (const auto& text : texts) {
    const auto stems = ContentStems(text);
    for (const auto& s : std::set<std::string>(stems.begin(), stems.end())) ++df[s];
  }
  return df;
}

std::string Slug(const std::string& text) {
  std::string s;
  for (char c : text) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      s += c;
    } else if (!s.empty() && s.back() != '-') {
      s += '-';
    }
  }
  while (!s.empty() && s.back() == '-') s.pop_back();
  return s.empty() ? "term" : s;
}

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return s;
}

}  // namespace rubric::internal
