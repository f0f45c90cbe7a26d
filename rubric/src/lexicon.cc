#include "lexicon.h"

#include <libstemmer.h>

#include <algorithm>
#include <memory>

#include "lexicon_table.h"

namespace rubric::internal {
namespace {

namespace table = lexicon_table;
static_assert(static_cast<int>(Pos::kNoun) == table::kNoun && static_cast<int>(Pos::kVerb) == table::kVerb &&
              static_cast<int>(Pos::kAdjective) == table::kAdjective &&
              static_cast<int>(Pos::kAdverb) == table::kAdverb);

const char* TextAt(uint32_t offset) { return table::kText + offset; }

// A count-prefixed list in the pool.
struct List {
  const uint32_t* begin;
  const uint32_t* end;
};
List ListAt(uint32_t offset) {
  const uint32_t* p = table::kPool + offset;
  return {p + 1, p + 1 + p[0]};
}

// Snowball stemmers keep state between calls: one per thread.
std::string Snowball(std::string_view word) {
  struct Free {
    void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
  };
  thread_local const std::unique_ptr<sb_stemmer, Free> stemmer(sb_stemmer_new("english", nullptr));
  const sb_symbol* s = stemmer
                           ? sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                                             static_cast<int>(word.size()))
                           : nullptr;
  if (!s) return std::string(word);  // out of memory: the word unstemmed, never a crash
  return std::string(reinterpret_cast<const char*>(s), sb_stemmer_length(stemmer.get()));
}

}  // namespace

const Lexicon& Lexicon::Get() {
  static const Lexicon lexicon;
  return lexicon;
}

std::optional<uint32_t> Lexicon::Find(std::string_view word) const {
  const uint32_t mask = table::kSlotCount - 1;
  for (uint32_t h = table::Hash(word) & mask; table::kSlots[h]; h = (h + 1) & mask) {
    const uint32_t form = table::kSlots[h] - 1;
    if (word == TextAt(table::kForms[form][0])) return form;
  }
  return std::nullopt;
}

std::string Lexicon::StemOf(std::string_view word) const {
  if (const auto form = Find(word)) return TextAt(table::kForms[*form][1]);
  return table::Stemmable(word) ? Snowball(word) : std::string(word);
}

bool Lexicon::Knows(std::string_view word) const { return Find(word).has_value(); }

std::vector<uint32_t> Lexicon::Bases(std::string_view word) const {
  const auto form = Find(word);
  if (!form) return {};
  const uint32_t bases = table::kForms[*form][2];
  if (bases & table::kOneBase) return {bases & ~table::kOneBase};
  const List list = ListAt(bases);
  return std::vector<uint32_t>(list.begin, list.end);
}

std::optional<Pos> Lexicon::MainPos(std::string_view word) const {
  const auto bases = Bases(word);
  if (bases.empty()) return std::nullopt;
  uint32_t tags[4] = {0, 0, 0, 0};
  bool has[4] = {false, false, false, false};
  for (uint32_t base : bases) {
    has[base & 3] = true;
    const List senses = ListAt(table::kLemmas[base >> 2][1]);
    for (const uint32_t* s = senses.begin; s != senses.end; ++s) {
      if (table::SensePos(*s) == (base & 3)) tags[base & 3] += table::SenseTags(*s);
    }
  }
  int best = -1;
  for (int p = 0; p < 4; ++p) {
    if (has[p] && (best < 0 || tags[p] > tags[best])) best = p;
  }
  return static_cast<Pos>(best);
}

std::vector<std::string> Lexicon::Synonyms(std::string_view word, int senses, std::optional<Pos> pos) const {
  const auto bases = Bases(word);
  std::vector<std::string> out;
  std::vector<uint32_t> own;  // the word's lemmas, never its own synonyms
  for (uint32_t base : bases) own.push_back(table::kLemmas[base >> 2][0]);
  for (int rank = 0; rank < senses; ++rank) {
    for (uint32_t base : bases) {
      const uint32_t p = base & 3;
      if (pos && p != static_cast<uint32_t>(*pos)) continue;
      const List list = ListAt(table::kLemmas[base >> 2][1]);
      int seen = 0;
      for (const uint32_t* s = list.begin; s != list.end; ++s) {
        if (table::SensePos(*s) != p || seen++ != rank) continue;
        const List members = ListAt(table::kSynsets[table::SenseSynset(*s)]);
        for (const uint32_t* m = members.begin; m != members.end; ++m) {
          const uint32_t text = *m;
          if (std::find(own.begin(), own.end(), text) != own.end()) continue;
          own.push_back(text);
          out.emplace_back(TextAt(text));
        }
      }
    }
  }
  return out;
}

std::vector<std::string> Lexicon::RelatedForms(std::string_view word) const {
  std::vector<std::string> out;
  for (uint32_t base : Bases(word)) {
    const List related = ListAt(table::kLemmas[base >> 2][2]);
    for (const uint32_t* r = related.begin; r != related.end; ++r) {
      std::string text = TextAt(*r);
      if (text != word && std::find(out.begin(), out.end(), text) == out.end()) {
        out.push_back(std::move(text));
      }
    }
  }
  return out;
}

}  // namespace rubric::internal
