#include "meaning.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "derive_words.h"
#include "stem.h"
#include "text.h"

namespace rubric::internal {
namespace {

// A concept is meant when its statement uses this share of its head words' weight ...
constexpr double kNeedShare = 0.5;
// ... and at least this many of them: one shared word is a topic, not an idea.
constexpr size_t kMinGroups = 2;
// Words of the question's own text count for little: every answer repeats them.
constexpr double kQuestionWordWeight = 0.3;

// The head words of a concept's name: its content words, in order, once each.
std::vector<std::string> HeadWords(const std::string& name) {
  std::vector<std::string> out;
  const NormalizedText norm = Normalize(RepairUtf8(name));
  for (auto w : Words(norm.text)) {
    const std::string word(w);
    if (!IsContentWord(word) || IsGeneralWord(word)) continue;
    if (std::find(out.begin(), out.end(), word) == out.end()) out.push_back(word);
  }
  return out;
}

}  // namespace

ConceptMeanings::ConceptMeanings(const Question& q, const SynonymTable& synonyms) {
  std::set<std::string> question_stems;
  std::string own = q.title + " " + q.question + " " + q.scenario;
  for (const auto& c : q.constraints) own += " " + c;
  for (const auto& s : ContentStems(own)) question_stems.insert(s);

  // How many of the question's concepts name each stem: one named by all is no concept's own.
  std::vector<std::vector<std::string>> heads;
  std::map<std::string, int> df;
  for (const auto& c : q.rubric.concepts) {
    heads.push_back(HeadWords(c.name));
    std::set<std::string> stems;
    for (const auto& w : heads.back()) stems.insert(Stem(w));
    for (const auto& s : stems) ++df[s];
  }
  const double n = static_cast<double>(q.rubric.concepts.size());
  need_.assign(q.rubric.concepts.size(), 0.0);
  for (size_t ci = 0; ci < heads.size(); ++ci) {
    if (heads[ci].size() < kMinGroups) {
      need_[ci] = -1;  // too few words to tell the idea from its topic
      continue;
    }
    double total = 0;
    for (const auto& word : heads[ci]) {
      const std::string stem = Stem(word);
      double weight = std::log((n + 1) / df[stem]);
      if (question_stems.count(stem)) weight *= kQuestionWordWeight;
      const int g = static_cast<int>(groups_.size());
      groups_.push_back({static_cast<int>(ci), weight});
      total += weight;
      std::set<std::string> forms = {stem};
      for (const auto& other : synonyms.For(word)) {
        if (other.find(' ') == std::string::npos) forms.insert(Stem(other));
      }
      for (const auto& f : forms) index_[f].push_back(g);
    }
    need_[ci] = kNeedShare * total;
  }
}

std::vector<ConceptMeanings::Match> ConceptMeanings::Find(std::string_view sentence) const {
  struct Seen {
    size_t begin = 0, end = 0;
  };
  std::map<int, Seen> groups_seen;
  for (auto w : Words(sentence)) {
    auto it = index_.find(Stem(w));
    if (it == index_.end()) continue;
    const size_t b = static_cast<size_t>(w.data() - sentence.data());
    for (int g : it->second) {
      auto [pos, fresh] = groups_seen.try_emplace(g, Seen{b, b + w.size()});
      if (!fresh) pos->second.end = b + w.size();
    }
  }
  std::map<int, double> weight;
  std::map<int, size_t> count;
  std::map<int, Seen> span;
  for (const auto& [g, seen] : groups_seen) {
    const int ci = groups_[g].concept_index;
    weight[ci] += groups_[g].weight;
    ++count[ci];
    auto [pos, fresh] = span.try_emplace(ci, seen);
    if (!fresh) {
      pos->second.begin = std::min(pos->second.begin, seen.begin);
      pos->second.end = std::max(pos->second.end, seen.end);
    }
  }
  std::vector<Match> out;
  for (const auto& [ci, w] : weight) {
    if (need_[ci] > 0 && count[ci] >= kMinGroups && w >= need_[ci]) {
      out.push_back({ci, span[ci].begin, span[ci].end});
    }
  }
  return out;
}

}  // namespace rubric::internal
