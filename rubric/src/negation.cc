#include "negation.h"

#include <algorithm>
#include <string>
#include <unordered_set>

#include <re2/re2.h>
#include <vector>

#include "dismissals.h"
#include "text.h"

namespace rubric::internal {
namespace {

constexpr size_t kCueWindow = 7;   // words before a mention that can negate it
// Words after a mention that can dismiss it: a subject may run long before its verdict ("a
// 1% -> 5% -> 25% ladder with gates at every step is overkill").
constexpr size_t kPostWindow = 12;
constexpr size_t kHeadWords = 6;   // a negation this early in a sentence denies the sentence

bool IsBoundaryChar(char c) {
  return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '\n';
}

const std::unordered_set<std::string_view>& BoundaryWords() {
  static const auto* words = new std::unordered_set<std::string_view>{
      "but", "however", "because", "although", "though", "whereas", "while", "so", "and", "which",
      "then", "since", "yet", "plus"};
  return *words;
}

const std::unordered_set<std::string_view>& NegationCues() {
  static const auto* words = new std::unordered_set<std::string_view>{
      "not", "no", "never", "without", "don't", "dont", "doesn't", "doesnt", "didn't", "didnt",
      "won't", "wont", "wouldn't", "wouldnt", "shouldn't", "shouldnt", "can't", "cant", "cannot",
      "isn't", "isnt", "aren't", "arent", "wasn't", "weren't", "couldn't", "couldnt", "haven't",
      "havent", "hasn't", "hasnt", "hadn't", "hadnt", "nor", "neither", "avoid",
      "avoiding", "skip", "skipping", "drop", "ditch", "forget", "reject", "abandon", "ignore",
      "ignoring", "nobody", "scrap", "eschew", "forgo", "forego",
      "instead", "rather", "needn't", "mustn't", "unnecessary", "pointless", "overkill", "useless",
      "unneeded"};
  return *words;
}

const std::unordered_set<std::string_view>& ConditionWords() {
  static const auto* words = new std::unordered_set<std::string_view>{
      "if", "unless", "when", "whenever", "otherwise", "until", "once"};
  return *words;
}

bool IsNegatingNot(const std::vector<std::string_view>& words, size_t i) {
  const std::string_view w = words[i];
  const std::string_view next = i + 1 < words.size() ? words[i + 1] : std::string_view();
  if (w == "not" && (next == "only" || next == "just")) return false;  // "not only X but Y"
  if (w == "instead") return next == "of";                             // "instead of X"
  if (w == "rather") return next == "than";                            // "rather than X"
  if (w == "no" && (next == "more" || next == "less" || next == "later")) return false;
  return true;
}

// Start of the clause holding `pos`: after the last boundary character or boundary word.
size_t ClauseBegin(std::string_view s, size_t pos) {
  size_t i = pos;
  while (i > 0) {
    const char c = s[i - 1];
    if (IsBoundaryChar(c)) return i;
    if (c == ' ') {
      size_t w = i - 1;
      while (w > 0 && s[w - 1] != ' ' && !IsBoundaryChar(s[w - 1])) --w;
      if (BoundaryWords().count(s.substr(w, i - 1 - w))) return i;
    }
    --i;
  }
  return 0;
}

size_t ClauseEnd(std::string_view s, size_t pos) {
  for (size_t i = pos; i < s.size(); ++i) {
    if (IsBoundaryChar(s[i])) return i;
    if (s[i] == ' ') {
      size_t w = i + 1;
      while (w < s.size() && s[w] != ' ' && !IsBoundaryChar(s[w])) ++w;
      if (BoundaryWords().count(s.substr(i + 1, w - i - 1))) return i;
    }
  }
  return s.size();
}

// End of the words that can dismiss a mention: its clause, extended across "and"/"or" so that
// "explain plans and the profiler are overkill" dismisses both.
size_t DismissalEnd(std::string_view s, size_t pos) {
  size_t end = ClauseEnd(s, pos);
  while (end + 4 < s.size() && (s.compare(end, 5, " and ") == 0 || s.compare(end, 4, " or ") == 0)) {
    end = ClauseEnd(s, end + (s[end + 1] == 'a' ? 4 : 3));
  }
  return end;
}

// A dismissal among the words after the mention [.., end) of `sentence` up to `until`, unless itself
// negated ("sagas are not overkill") or told of the past from the clause at `clause_begin` on.
bool DismissedAfter(std::string_view sentence, size_t clause_begin, size_t end, size_t until) {
  auto words = Words(sentence.substr(end, until - end));
  if (words.empty()) return false;
  if (words.size() > kPostWindow) words.resize(kPostWindow);
  const std::string_view window(words.front().data(),
                                words.back().data() + words.back().size() - words.front().data());
  const size_t at = FindDismissal(window);
  if (at == std::string_view::npos) return false;
  const auto before = Words(window.substr(0, at));
  const std::string_view last = before.empty() ? std::string_view() : before.back();
  if (last == "not" || last == "isn't" || last == "aren't" || last == "never" || last == "hardly") {
    return false;
  }
  const size_t verdict = static_cast<size_t>(window.data() - sentence.data()) + at;
  return !TellsThePast(sentence.substr(clause_begin, verdict - clause_begin));
}

}  // namespace

bool InConditionalClause(std::string_view sentence, size_t begin) {
  // Not ConditionWords(): "when", "once" and "until" open the time of a plan ("until the fix ships,
  // take payments offline" proposes it), while these open a hypothesis.
  static const auto* openers =
      new std::unordered_set<std::string_view>{"if", "unless", "whether", "suppose", "supposing"};
  const auto words = Words(sentence.substr(ClauseBegin(sentence, begin)));
  return !words.empty() && openers->count(words.front()) > 0;
}

bool MayNegate(std::string_view sentence) {
  static const RE2* any_cue = [] {
    std::string words;
    const auto add = [&](std::string_view w) {
      words += (words.empty() ? "" : "|") + RE2::QuoteMeta(re2::StringPiece(w.data(), w.size()));
    };
    for (auto w : NegationCues()) add(w);
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingLatin1);
    return new RE2("\\b(" + words + ")\\b|n't\\b", options);
  }();
  return RE2::PartialMatch(re2::StringPiece(sentence.data(), sentence.size()), *any_cue);
}

// A negation among the first words of a sentence ("It is not true that ...", "We would not add X,
// Y and Z") denies everything after it up to a contrast ("but", "instead", ";"), not only its own
// comma- or "and"-delimited clause.
bool HeadNegates(std::string_view sentence, size_t begin) {
  static const std::unordered_set<std::string_view> contrast = {
      "but", "however", "instead", "rather", "yet", "whereas", "although", "though", "while",
      "so", "because", "since", "except", "unless", "if", "when", "only"};
  const auto words = Words(sentence.substr(0, begin));
  for (size_t i = 0; i < words.size() && i < kHeadWords; ++i) {
    if (ConditionWords().count(words[i])) return false;
    if (words[i] != "not" && words[i] != "never" && words[i] != "don't" && words[i] != "dont") continue;
    if (!IsNegatingNot(words, i)) return false;
    for (size_t k = i + 1; k < words.size(); ++k) {
      if (contrast.count(words[k])) return false;
    }
    const size_t cue = sentence.find(std::string(words[i]));
    for (size_t c = cue; c < begin; ++c) {
      if (sentence[c] == ';' || sentence[c] == ':' || sentence[c] == '(') return false;
    }
    return true;
  }
  return false;
}

bool OpensWithNegation(std::string_view sentence) {
  const auto words = Words(sentence.substr(0, std::min<size_t>(sentence.size(), 80)));
  for (size_t i = 0; i < words.size() && i < kHeadWords; ++i) {
    const std::string_view w = words[i];
    if (ConditionWords().count(w)) return false;
    const bool cue = w == "not" || w == "no" || w == "never" || w == "nor" || w == "neither" ||
                     w == "cannot" || (w.size() > 3 && w.substr(w.size() - 3) == "n't");
    if (cue) return IsNegatingNot(words, i);
  }
  return false;
}

bool IsNegated(std::string_view sentence, size_t begin, size_t end) {
  const size_t clause_begin = ClauseBegin(sentence, begin);
  const auto before_all = Words(sentence.substr(clause_begin, begin - clause_begin));
  const size_t first = before_all.size() > kCueWindow ? before_all.size() - kCueWindow : 0;

  // "if we don't have X, ..." and a sentence opening "Without X, ..." argue for X.
  bool conditional = false;
  for (auto w : before_all) conditional |= ConditionWords().count(w) > 0;
  if (sentence.substr(0, 8) == "without " && clause_begin == 0 &&
      ClauseEnd(sentence, end) < sentence.size() && sentence[ClauseEnd(sentence, end)] == ',') {
    conditional = true;
  }

  int cues = 0;
  if (!conditional) {
    for (size_t i = first; i < before_all.size(); ++i) {
      if (NegationCues().count(before_all[i]) && IsNegatingNot(before_all, i)) ++cues;
    }
  }
  const bool dismissed = DismissedAfter(sentence, clause_begin, end, DismissalEnd(sentence, end));
  if (cues == 0 && !dismissed && !conditional && HeadNegates(sentence, begin)) {
    return true;
  }
  return (cues % 2 == 1) != dismissed;
}

bool DeclinesToAnswer(std::string_view answer) {
  // Whole answers only: "I don't know the exact figure, but ..." is an answer.
  static const RE2* declines = new RE2(
      "\\s*(?:(?:i\\s+)?(?:don'?t|do not|dunno)(?:\\s+know)?(?:\\s+(?:this|that|it|the answer))?|"
      "i have no idea|no idea|idk|not sure|i'?m not sure|no clue|not answered|no answer|"
      "unanswered|n/?a|pass|skip(?:ped)?|\\?+|-+)\\s*[.!]*\\s*");
  return RE2::FullMatch(re2::StringPiece(answer.data(), answer.size()), *declines);
}

}  // namespace rubric::internal
