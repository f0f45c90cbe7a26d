// Build-time generator of the scorer's lexicon table (rubric/src/lexicon_table.h): reads WordNet 3.0
// (Debian's wordnet-base) and stems every word form with Snowball English (libstemmer), then writes
// a C++ source of constant arrays. Run by CMake; the library never reads WordNet at run time.
//   make_lexicon <wordnet-dir> <output.cc>
#include <libstemmer.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "inflections.h"
#include "lexicon_table.h"
#include "wordnet.h"

namespace {

namespace table = rubric::internal::lexicon_table;
using lexicon_build::RegularInflections;
using lexicon_build::Synset;

// Senses kept per lemma and part of speech, most frequent first: the frequent ones.
constexpr size_t kMaxSenses = 2;

// A word of the table: letters, digits and the joiners of text.h's Words ("e-mail", "o'clock").
bool IsSingleWord(const std::string& w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '\'' || c == '.';
  });
}

class Builder {
 public:
  explicit Builder(lexicon_build::WordNet wordnet)
      : wordnet_(std::move(wordnet)), stemmer_(sb_stemmer_new("english", nullptr)) {}
  ~Builder() { sb_stemmer_delete(stemmer_); }
  Builder(const Builder&) = delete;
  Builder& operator=(const Builder&) = delete;

  void Build();
  bool Write(const std::string& path) const;

 private:
  uint32_t Text(const std::string& s);
  uint32_t Pool(const std::vector<uint32_t>& items);
  uint32_t LemmaId(const std::string& text);
  uint32_t SynsetId(int pos, long offset);
  void AddForm(const std::string& form, uint32_t base);
  void AddInflection(const std::string& form, uint32_t base);
  std::string FormStem(const std::string& form);
  std::string Stem(const std::string& word);

  const lexicon_build::WordNet wordnet_;
  sb_stemmer* stemmer_;
  std::string text_;
  std::unordered_map<std::string, uint32_t> text_at_;
  std::vector<uint32_t> pool_ = {0};  // offset 0: the empty list
  std::vector<std::array<uint32_t, 3>> lemmas_;
  std::unordered_map<std::string, uint32_t> lemma_at_;
  std::map<std::pair<int, long>, uint32_t> synset_at_;
  std::vector<std::pair<int, long>> synset_order_;
  std::map<std::string, std::vector<uint32_t>> form_bases_;      // sorted: a stable output
  std::map<std::string, std::vector<uint32_t>> inflected_from_;  // regular and irregular
  std::vector<std::array<uint32_t, 3>> forms_;
  std::vector<uint32_t> slots_;
  std::vector<uint32_t> synset_lists_;
};

std::string Builder::Stem(const std::string& word) {
  if (!table::Stemmable(word)) return word;
  const sb_symbol* s = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                                       static_cast<int>(word.size()));
  return std::string(reinterpret_cast<const char*>(s), sb_stemmer_length(stemmer_));
}

uint32_t Builder::Text(const std::string& s) {
  const auto [it, added] = text_at_.emplace(s, static_cast<uint32_t>(text_.size()));
  if (added) text_ += s + '\0';
  return it->second;
}

uint32_t Builder::Pool(const std::vector<uint32_t>& items) {
  if (items.empty()) return 0;
  const auto at = static_cast<uint32_t>(pool_.size());
  pool_.push_back(static_cast<uint32_t>(items.size()));
  pool_.insert(pool_.end(), items.begin(), items.end());
  return at;
}

uint32_t Builder::LemmaId(const std::string& text) {
  const auto [it, added] = lemma_at_.emplace(text, static_cast<uint32_t>(lemmas_.size()));
  if (added) lemmas_.push_back({Text(text), 0, 0});
  return it->second;
}

uint32_t Builder::SynsetId(int pos, long offset) {
  const auto [it, added] =
      synset_at_.emplace(std::make_pair(pos, offset), static_cast<uint32_t>(synset_order_.size()));
  if (added) synset_order_.emplace_back(pos, offset);
  return it->second;
}

void Builder::AddForm(const std::string& form, uint32_t base) {
  if (!IsSingleWord(form)) return;
  auto& bases = form_bases_[form];
  if (std::find(bases.begin(), bases.end(), base) == bases.end()) bases.push_back(base);
}

void Builder::AddInflection(const std::string& form, uint32_t base) {
  if (!IsSingleWord(form) || form == text_.c_str() + lemmas_[base >> 2][0]) return;
  AddForm(form, base);
  inflected_from_[form].push_back(base);
}

// Snowball's stem, except that an inflection takes its lemma's (nouns first): Snowball knows only
// suffixes ("children" -> "child", "indices" -> "index", "ran" -> "run", "leaves" -> "leaf",
// "smaller" -> "small"). An irregular form that is a lemma itself keeps its own ("better", "data").
std::string Builder::FormStem(const std::string& form) {
  const auto from = inflected_from_.find(form);
  if (from == inflected_from_.end() || !table::Stemmable(form)) return Stem(form);
  const uint32_t base = *std::min_element(
      from->second.begin(), from->second.end(),
      [](uint32_t a, uint32_t b) { return (a & 3) != (b & 3) ? (a & 3) < (b & 3) : a < b; });
  return Stem(text_.c_str() + lemmas_[base >> 2][0]);
}

void Builder::Build() {
  // Senses: a lemma's first kMaxSenses senses per part of speech in which it is not a name.
  std::map<uint32_t, std::vector<uint32_t>> senses, related;
  for (const auto& [key, offsets] : wordnet_.senses) {
    const auto& [lemma, pos] = key;
    if (!IsSingleWord(lemma)) continue;  // a phrase is only ever a synonym
    int kept = 0;
    bool tagged = false;  // SemCor saw it: a common word
    for (size_t i = 0; i < offsets.size() && kept < static_cast<int>(kMaxSenses); ++i) {
      const Synset& s = wordnet_.synsets.at({pos, offsets[i]});
      const auto w = std::find(s.words.begin(), s.words.end(), lemma);
      if (w == s.words.end() || s.proper[w - s.words.begin()]) continue;
      const uint32_t id = LemmaId(lemma);
      const auto t = wordnet_.tags.find({lemma, pos, static_cast<int>(i + 1)});
      senses[id].push_back(
          table::Sense(SynsetId(pos, offsets[i]), pos, t == wordnet_.tags.end() ? 0 : t->second));
      tagged |= t != wordnet_.tags.end() && t->second > 0;
      ++kept;
      const int number = static_cast<int>(w - s.words.begin()) + 1;
      for (const auto& p : s.pointers) {
        if ((p.symbol != '+' && p.symbol != '\\') || p.source != number || p.pos < 0) continue;
        const Synset& target = wordnet_.synsets.at({p.pos, p.offset});
        const size_t k = static_cast<size_t>(p.target - 1);
        if (k >= target.words.size() || target.proper[k] || target.words[k] == lemma) continue;
        auto& r = related[id];
        const uint32_t other = Text(target.words[k]);
        if (std::find(r.begin(), r.end(), other) == r.end()) r.push_back(other);
      }
    }
    if (kept == 0) continue;
    const uint32_t base = LemmaId(lemma) << 2 | static_cast<uint32_t>(pos);
    AddForm(lemma, base);
    if (!table::Stemmable(lemma)) continue;  // "air-drop", "7th": no regular inflections
    for (const auto& form : RegularInflections(lemma, pos, tagged)) AddInflection(form, base);
  }
  for (const auto& [form, pos, lemma] : wordnet_.irregular) {
    const auto it = lemma_at_.find(lemma);
    if (it == lemma_at_.end() || !senses.count(it->second)) continue;
    const uint32_t base = it->second << 2 | static_cast<uint32_t>(pos);
    // An irregular form that is a lemma itself keeps its own stem ("better", "data").
    if (lemma_at_.count(form)) {
      AddForm(form, base);
    } else {
      AddInflection(form, base);
    }
  }
  // Synsets in order of first use; their members are the lemmas that are not names.
  for (size_t i = 0; i < synset_order_.size(); ++i) {
    const Synset& s = wordnet_.synsets.at(synset_order_[i]);
    std::vector<uint32_t> members;
    for (size_t k = 0; k < s.words.size(); ++k) {
      if (!s.proper[k]) members.push_back(Text(s.words[k]));
    }
    synset_lists_.push_back(Pool(members));
  }
  for (uint32_t id = 0; id < lemmas_.size(); ++id) {
    lemmas_[id][1] = Pool(senses[id]);
    lemmas_[id][2] = Pool(related[id]);
  }
  slots_.assign(4, 0);
  while (3 * slots_.size() < 4 * form_bases_.size()) slots_.resize(slots_.size() * 2);
  for (const auto& [form, bases] : form_bases_) {
    const std::string stem = FormStem(form);
    forms_.push_back({Text(form), Text(stem), bases.size() == 1 ? table::kOneBase | bases[0] : Pool(bases)});
    uint32_t h = table::Hash(form) & static_cast<uint32_t>(slots_.size() - 1);
    while (slots_[h]) h = (h + 1) & static_cast<uint32_t>(slots_.size() - 1);
    slots_[h] = static_cast<uint32_t>(forms_.size());
  }
}

// `row` > 0 writes a two-dimensional array, each row in its own braces (clang warns otherwise).
void WriteArray(std::ostream& out, const char* decl, const std::vector<uint32_t>& v, size_t row = 0) {
  out << decl << " = {";
  for (size_t i = 0; i < v.size(); ++i) {
    out << (i == 0 ? "\n" : i % 16 ? "," : ",\n");
    if (row && i % row == 0) out << "{";
    out << v[i];
    if (row && i % row == row - 1) out << "}";
  }
  out << "};\n";
}

bool Builder::Write(const std::string& path) const {
  std::ofstream out(path, std::ios::binary);
  if (!out) {
    std::cerr << "make_lexicon: cannot write " << path << "\n";
    return false;
  }
  out << "// Generated by rubric/lexicon/make_lexicon.cc from WordNet 3.0 and Snowball English.\n"
         "#include \"lexicon_table.h\"\n\nnamespace rubric::internal::lexicon_table {\n\nconst char kText[] "
         "=";
  for (size_t i = 0; i < text_.size(); ++i) {
    if (i % 96 == 0) out << "\n\"";
    const unsigned char c = static_cast<unsigned char>(text_[i]);
    if (c < 32 || c >= 127 || c == '"' || c == '\\' || c == '?') {
      const char octal[] = {'\\', static_cast<char>('0' + (c >> 6)), static_cast<char>('0' + (c >> 3 & 7)),
                            static_cast<char>('0' + (c & 7)), 0};
      out << octal;
    } else {
      out << static_cast<char>(c);
    }
    if (i % 96 == 95 || i + 1 == text_.size()) out << '"';
  }
  out << ";\n";
  WriteArray(out, "const uint32_t kPool[]", pool_);
  std::vector<uint32_t> flat;
  for (const auto& f : forms_) flat.insert(flat.end(), f.begin(), f.end());
  WriteArray(out, "const uint32_t kForms[][3]", flat, 3);
  out << "const uint32_t kFormCount = " << forms_.size() << ";\n";
  flat.clear();
  for (const auto& l : lemmas_) flat.insert(flat.end(), l.begin(), l.end());
  WriteArray(out, "const uint32_t kLemmas[][3]", flat, 3);
  out << "const uint32_t kLemmaCount = " << lemmas_.size() << ";\n";
  WriteArray(out, "const uint32_t kSynsets[]", synset_lists_);
  WriteArray(out, "const uint32_t kSlots[]", slots_);
  out << "const uint32_t kSlotCount = " << slots_.size()
      << ";\n\n}  // namespace rubric::internal::lexicon_table\n";
  out.close();
  if (!out) {
    std::cerr << "make_lexicon: cannot write " << path << "\n";
    return false;
  }
  std::cerr << "make_lexicon: " << forms_.size() << " forms, " << lemmas_.size() << " lemmas, "
            << synset_lists_.size() << " synsets; " << text_.size() << " bytes of text, "
            << 4 * (pool_.size() + 3 * (forms_.size() + lemmas_.size()) + synset_lists_.size() +
                    slots_.size())
            << " bytes of tables\n";
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: make_lexicon <wordnet-dir> <output.cc>\n";
    return 2;
  }
  lexicon_build::WordNet wordnet;
  std::string error;
  if (!lexicon_build::ReadWordNet(argv[1], &wordnet, &error)) {
    std::cerr << "make_lexicon: " << error << "\n";
    return 1;
  }
  Builder builder(std::move(wordnet));
  builder.Build();
  return builder.Write(argv[2]) ? 0 : 1;
}
