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
  for (const auto& entry : index_) prefixes_.insert(Prefix(entry.first));
}

uint32_t ConceptMeanings::Prefix(std::string_view word) {
  uint32_t packed = static_cast<uint32_t>(std::min<size_t>(word.size(), 3)) << 24;
  for (size_t i = 0; i < word.size() && i < 3; ++i) {
    packed |= static_cast<uint32_t>(static_cast<unsigned char>(word[i])) << (8 * i);
  }
  return packed;
}

std::vector<ConceptMeanings::Match> ConceptMeanings::Find(std::string_view sentence) const {
  // Few words of a sentence name a head word, so the groups they reach are kept in small vectors,
  // then taken in group order (the order the sums were tuned in) and the concepts in index order.
  struct Seen {
    int group;
    size_t begin, end;
  };
  std::vector<Seen> seen;
  for (auto w : Words(sentence)) {
    if (!prefixes_.count(Prefix(w))) continue;
    auto it = index_.find(Stem(w));
    if (it == index_.end()) continue;
    const size_t b = static_cast<size_t>(w.data() - sentence.data());
    for (int g : it->second) {
      auto pos = std::find_if(seen.begin(), seen.end(), [g](const Seen& s) { return s.group == g; });
      if (pos == seen.end()) {
        seen.push_back({g, b, b + w.size()});
      } else {
        pos->end = b + w.size();
      }
    }
  }
  if (seen.empty()) return {};
  std::sort(seen.begin(), seen.end(), [](const Seen& a, const Seen& b) { return a.group < b.group; });
  struct Reach {
    int concept_index;
    double weight;
    size_t groups, begin, end;
  };
  std::vector<Reach> reach;
  for (const Seen& s : seen) {
    const int ci = groups_[s.group].concept_index;
    auto pos = std::find_if(reach.begin(), reach.end(), [ci](const Reach& r) { return r.concept_index == ci; });
    if (pos == reach.end()) {
      reach.push_back({ci, groups_[s.group].weight, 1, s.begin, s.end});
    } else {
      pos->weight += groups_[s.group].weight;
      ++pos->groups;
      pos->begin = std::min(pos->begin, s.begin);
      pos->end = std::max(pos->end, s.end);
    }
  }
  std::sort(reach.begin(), reach.end(),
            [](const Reach& a, const Reach& b) { return a.concept_index < b.concept_index; });
  std::vector<Match> out;
  for (const Reach& r : reach) {
    if (need_[r.concept_index] > 0 && r.groups >= kMinGroups && r.weight >= need_[r.concept_index]) {
      out.push_back({r.concept_index, r.begin, r.end});
    }
  }
  return out;
}

}  // namespace rubric::internal
