#include "analysis.h"

namespace rubric::internal {
namespace {

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
