#include "analysis.h"

namespace rubric::internal {
namespace {

constexpr int kScrambledMin = 4;     // scrambled pairs in the answer, at least
constexpr int kScrambledWords = 150;  // and one per this many words
constexpr int kTermLineWords = 6;
constexpr int kTermLinesMin = 4;
constexpr int kPhraseLineWords = 14;
constexpr double kPhraseShare = 0.8;

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         (static_cast<unsigned char>(c) & 0x80);
}

}  // namespace

void Analysis::Quote(size_t sentence, size_t begin, size_t end, size_t* out_begin,
                     size_t* out_end) const {
  const size_t b = sentences[sentence].begin + begin;
  const size_t e = sentences[sentence].begin + end;
  size_t ob = norm.origin[b];
  size_t oe = e < norm.origin.size() ? norm.origin[e] : text.size();
  if (e > b && e - 1 < norm.origin.size() - 1) {
    // The end of the last matched character in the original (it may be several bytes long).
    oe = std::max(oe, norm.origin[e - 1] + 1);
    while (oe < text.size() && (static_cast<unsigned char>(text[oe]) & 0xC0) == 0x80) ++oe;
  }
  while (ob > 0 && IsWordByte(text[ob - 1]) && IsWordByte(text[ob])) --ob;
  while (oe < text.size() && oe > 0 && IsWordByte(text[oe - 1]) && IsWordByte(text[oe])) ++oe;
  while (oe > ob && (text[oe - 1] == ' ' || text[oe - 1] == '\n')) --oe;
  *out_begin = ob;
  *out_end = oe;
}

Analysis Analyse(std::string repaired) {
  Analysis a;
  a.text = std::move(repaired);
  a.norm = Normalize(a.text);
  a.sentences = SplitSentences(a.norm.text);
  // Two whole-answer signs that the sentences say nothing: words in no order (scrambled pairs at
  // a rate prose never has), and a run of short unpunctuated lines, which is a list of terms
  // written one per line.
  int scrambled = 0, words = 0, term_lines = 0;
  const auto unpunctuated = [&](const Sentence& s) {
    const char last = a.norm.text[s.end - 1];
    return last != '.' && last != '!' && last != '?' && last != ':';
  };
  const auto is_term_line = [&](const Sentence& s) {
    return s.words <= kTermLineWords && unpunctuated(s) && !s.reasoned;
  };
  // An answer made only of unpunctuated phrases is a list of them; notes that give their reasons
  // are not phrases.
  int phrase_lines = 0;
  for (const auto& s : a.sentences) {
    phrase_lines += s.words <= kPhraseLineWords && unpunctuated(s) && !s.reasoned;
  }
  const bool all_phrases = phrase_lines >= kTermLinesMin &&
                           phrase_lines >= kPhraseShare * static_cast<double>(a.sentences.size());
  for (size_t i = 0; i < a.sentences.size(); ++i) {
    scrambled += ScrambledPairs(a.SentenceText(i));
    words += a.sentences[i].words;
    term_lines += is_term_line(a.sentences[i]);
  }
  const bool all_scrambled = scrambled >= kScrambledMin && scrambled * kScrambledWords >= words;
  for (auto& s : a.sentences) {
    if (all_scrambled || (all_phrases && !s.reasoned) ||
        (term_lines >= kTermLinesMin && is_term_line(s))) {
      s.list_like = true;
    }
  }
  for (size_t i = 0; i < a.sentences.size(); ++i) {
    const Sentence& s = a.sentences[i];
    a.words += s.words;
    if (s.list_like) a.list_words += s.words;
  }
  return a;
}

std::vector<std::vector<int>> MatchSentences(const Analysis& a, const PatternSet& set) {
  std::vector<std::vector<int>> hits(a.sentences.size());
  for (size_t i = 0; i < a.sentences.size(); ++i) set.Match(a.SentenceText(i), &hits[i]);
  return hits;
}

}  // namespace rubric::internal
