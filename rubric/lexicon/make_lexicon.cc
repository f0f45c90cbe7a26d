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
#include <sstream>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "lexicon_table.h"

namespace {

namespace table = rubric::internal::lexicon_table;

// Senses kept per lemma and part of speech, most frequent first: the frequent ones.
constexpr size_t kMaxSenses = 2;
// Common adjectives up to this long get regular comparatives ("faster", "smallest").
constexpr size_t kMaxComparativeLetters = 6;
constexpr const char* kPosFiles[] = {"noun", "verb", "adj", "adv"};

int PosOf(char c) {
  switch (c) {
    case 'n': return table::kNoun;
    case 'v': return table::kVerb;
    case 'a': case 's': return table::kAdjective;
    case 'r': return table::kAdverb;
    default: return -1;
  }
}

struct Pointer {
  char symbol;  // '+' derivationally related, '\\' pertainym ("quickly" from "quick"), ...
  int pos;
  long offset;
  int source, target;  // 1-based word numbers of a lexical pointer
};

struct Synset {
  std::vector<std::string> words;  // lower case, words of a phrase joined by one space
  std::vector<bool> proper;        // written with a capital: a name ("Java", "Paris")
  std::vector<Pointer> pointers;
  int index = -1;                  // in the output, once a kept sense refers to it
};

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return s;
}

// "able(a)" loses its syntactic marker; "look_up" becomes "look up".
std::string CleanWord(std::string w, bool* proper) {
  if (const auto p = w.find('('); p != std::string::npos) w.resize(p);
  *proper = std::any_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  for (auto& c : w) c = c == '_' ? ' ' : c;
  return Lower(w);
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Consonant-vowel-consonant ending whose consonant doubles before a suffix ("stop" -> "stopped").
// Doubling is not always right ("visit" -> "visited"): both spellings are listed, and a spelling
// nobody writes costs only a table row.
bool DoublesLast(const std::string& w) {
  const size_t n = w.size();
  return n >= 3 && !IsVowel(w[n - 1]) && w[n - 1] != 'w' && w[n - 1] != 'x' && w[n - 1] != 'y' &&
         IsVowel(w[n - 2]) && !IsVowel(w[n - 3]);
}

bool EndsWith(const std::string& w, const char* s) {
  const std::string e(s);
  return w.size() >= e.size() && w.compare(w.size() - e.size(), e.size(), e) == 0;
}

// An adjective formed with a suffix takes "more", not "-er" ("bigger", "cosmic", "going").
bool Derived(const std::string& w) {
  for (const char* s : {"er", "est", "ed", "ing", "ic", "al", "ous", "ful", "ive", "ble", "ish", "less"}) {
    if (EndsWith(w, s)) return true;
  }
  return false;
}

bool ConsonantY(const std::string& w) { return w.size() >= 2 && w.back() == 'y' && !IsVowel(w[w.size() - 2]); }

std::string Plural(const std::string& w) {
  if (EndsWith(w, "s") || EndsWith(w, "x") || EndsWith(w, "z") || EndsWith(w, "ch") || EndsWith(w, "sh")) {
    return w + "es";
  }
  return ConsonantY(w) ? w.substr(0, w.size() - 1) + "ies" : w + "s";
}

// `w` with a suffix that starts with a vowel ("ed", "ing", "er", "est"): e-drop, y to i, doubling.
std::vector<std::string> WithVowelSuffix(const std::string& w, const std::string& suffix) {
  if (w.back() == 'e') {
    if (suffix == "ing") {
      if (EndsWith(w, "ie")) return {w.substr(0, w.size() - 2) + "ying"};
      if (EndsWith(w, "ee") || EndsWith(w, "oe") || EndsWith(w, "ye")) return {w + suffix};
    }
    return {w.substr(0, w.size() - 1) + suffix};
  }
  if (ConsonantY(w) && suffix != "ing") return {w.substr(0, w.size() - 1) + "i" + suffix};
  if (DoublesLast(w)) return {w + suffix, w + w.back() + suffix};
  return {w + suffix};
}

bool IsSingleWord(const std::string& w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '\'' || c == '.';
  });
}

bool Fail(const std::string& what) {
  std::cerr << "make_lexicon: " << what << "\n";
  return false;
}

class Builder {
 public:
  explicit Builder(std::string dir) : dir_(std::move(dir)), stemmer_(sb_stemmer_new("english", nullptr)) {}
  ~Builder() { sb_stemmer_delete(stemmer_); }
  Builder(const Builder&) = delete;
  Builder& operator=(const Builder&) = delete;

  bool Read();
  void Build();
  bool Write(const std::string& path) const;

 private:
  bool ReadData(int pos);
  bool ReadIndex(int pos);
  bool ReadExceptions(int pos);
  bool ReadCounts();
  uint32_t Text(const std::string& s);
  uint32_t Pool(const std::vector<uint32_t>& items);
  uint32_t LemmaId(const std::string& text);
  uint32_t SynsetId(int pos, long offset);
  void AddForm(const std::string& form, uint32_t base);
  void AddInflection(const std::string& form, uint32_t base);
  std::string FormStem(const std::string& form);
  std::string Stem(const std::string& word);

  std::string dir_;
  sb_stemmer* stemmer_;
  std::map<std::pair<int, long>, Synset> synsets_;                // (pos, offset)
  std::map<std::pair<std::string, int>, std::vector<long>> index_;  // (lemma, pos) -> senses
  std::vector<std::tuple<std::string, int, std::string>> irregular_;  // form, pos, base
  std::map<std::tuple<std::string, int, int>, uint32_t> tags_;    // (lemma, pos, sense number)

  std::string text_;
  std::unordered_map<std::string, uint32_t> text_at_;
  std::vector<uint32_t> pool_ = {0};  // offset 0: the empty list
  std::vector<std::array<uint32_t, 3>> lemmas_;
  std::unordered_map<std::string, uint32_t> lemma_at_;
  std::vector<std::pair<int, long>> synset_order_;
  std::map<std::string, std::vector<uint32_t>> form_bases_;  // sorted: a stable output
  std::map<std::string, std::vector<uint32_t>> inflected_from_;  // regular and irregular
  std::vector<std::array<uint32_t, 3>> forms_;
  std::vector<uint32_t> slots_;
  std::vector<uint32_t> synset_lists_;
};

bool Builder::Read() {
  for (int pos = 0; pos < 4; ++pos) {
    if (!ReadData(pos) || !ReadIndex(pos) || !ReadExceptions(pos)) return false;
  }
  return ReadCounts();
}

bool Builder::ReadData(int pos) {
  const std::string path = dir_ + "/data." + kPosFiles[pos];
  std::ifstream in(path);
  if (!in) return Fail("cannot read " + path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;  // the licence
    std::istringstream f(line);
    long offset = 0;
    std::string lexfile, type, count;
    f >> offset >> lexfile >> type >> count;
    Synset s;
    for (long n = std::stol(count, nullptr, 16); n > 0; --n) {
      std::string w, lex_id;
      f >> w >> lex_id;
      bool proper = false;
      s.words.push_back(CleanWord(w, &proper));
      s.proper.push_back(proper);
    }
    int pointers = 0;
    f >> pointers;
    for (int i = 0; i < pointers; ++i) {
      std::string symbol, target_pos, source_target;
      long target = 0;
      f >> symbol >> target >> target_pos >> source_target;
      const long st = std::stol(source_target, nullptr, 16);
      s.pointers.push_back({symbol.size() == 1 ? symbol[0] : '?', PosOf(target_pos[0]), target,
                            static_cast<int>(st >> 8), static_cast<int>(st & 0xff)});
    }
    if (!f) return Fail(path + ": cannot parse synset " + std::to_string(offset));
    synsets_[{pos, offset}] = std::move(s);
  }
  return true;
}

bool Builder::ReadIndex(int pos) {
  const std::string path = dir_ + "/index." + kPosFiles[pos];
  std::ifstream in(path);
  if (!in) return Fail("cannot read " + path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;
    std::istringstream f(line);
    std::string lemma, p;
    int senses = 0, pointer_kinds = 0, sense_count = 0, tagged = 0;
    f >> lemma >> p >> senses >> pointer_kinds;
    for (std::string skip; pointer_kinds > 0; --pointer_kinds) f >> skip;
    f >> sense_count >> tagged;
    bool proper = false;
    auto& offsets = index_[{CleanWord(lemma, &proper), pos}];
    for (long offset; f >> offset;) offsets.push_back(offset);
    if (offsets.empty()) return Fail(path + ": no senses for " + lemma);
  }
  return true;
}

bool Builder::ReadExceptions(int pos) {
  const std::string path = dir_ + "/" + kPosFiles[pos] + ".exc";
  std::ifstream in(path);
  if (!in) return Fail("cannot read " + path);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream f(line);
    std::string form, base;
    bool proper = false;
    f >> form;
    while (f >> base) irregular_.emplace_back(CleanWord(form, &proper), pos, CleanWord(base, &proper));
  }
  return true;
}

// cntlist.rev: "lemma%ss_type:... sense_number tag_count", the SemCor counts behind the sense order.
bool Builder::ReadCounts() {
  const std::string path = dir_ + "/cntlist.rev";
  std::ifstream in(path);
  if (!in) return Fail("cannot read " + path);
  std::string key;
  int sense = 0;
  uint32_t count = 0;
  while (in >> key >> sense >> count) {
    const size_t percent = key.find('%');
    if (percent == std::string::npos || percent + 1 >= key.size()) return Fail(path + ": bad key " + key);
    const char type = key[percent + 1];
    const int pos = type >= '1' && type <= '5' ? PosOf("nvars"[type - '1']) : -1;
    bool proper = false;
    if (pos >= 0) tags_[{CleanWord(key.substr(0, percent), &proper), pos, sense}] = count;
  }
  return true;
}

std::string Builder::Stem(const std::string& word) {
  if (!table::Stemmable(word)) return word;
  const sb_symbol* s =
      sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
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
  Synset& s = synsets_.at({pos, offset});
  if (s.index < 0) {
    s.index = static_cast<int>(synset_order_.size());
    synset_order_.emplace_back(pos, offset);
  }
  return static_cast<uint32_t>(s.index);
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
  const uint32_t base = *std::min_element(from->second.begin(), from->second.end(), [](uint32_t a, uint32_t b) {
    return (a & 3) != (b & 3) ? (a & 3) < (b & 3) : a < b;
  });
  return Stem(text_.c_str() + lemmas_[base >> 2][0]);
}

void Builder::Build() {
  // Senses: a lemma's first kMaxSenses senses per part of speech in which it is not a name.
  std::map<uint32_t, std::vector<uint32_t>> senses, related;
  for (const auto& [key, offsets] : index_) {
    const auto& [lemma, pos] = key;
    if (!IsSingleWord(lemma)) continue;  // a phrase is only ever a synonym
    int kept = 0;
    bool tagged = false;  // SemCor saw it: a common word
    for (size_t i = 0; i < offsets.size() && kept < static_cast<int>(kMaxSenses); ++i) {
      const Synset& s = synsets_.at({pos, offsets[i]});
      const auto w = std::find(s.words.begin(), s.words.end(), lemma);
      if (w == s.words.end() || s.proper[w - s.words.begin()]) continue;
      const uint32_t id = LemmaId(lemma);
      const auto t = tags_.find({lemma, pos, static_cast<int>(i + 1)});
      senses[id].push_back(table::Sense(SynsetId(pos, offsets[i]), pos, t == tags_.end() ? 0 : t->second));
      tagged |= t != tags_.end() && t->second > 0;
      ++kept;
      const int number = static_cast<int>(w - s.words.begin()) + 1;
      for (const auto& p : s.pointers) {
        if ((p.symbol != '+' && p.symbol != '\\') || p.source != number || p.pos < 0) continue;
        const Synset& target = synsets_.at({p.pos, p.offset});
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
    // A noun ending in one "s" is a plural already or Latin ("economics", "analysis"; noun.exc
    // has "analyses"); "class" and "status" take "-es".
    const bool plural_already = EndsWith(lemma, "s") && !EndsWith(lemma, "ss") && !EndsWith(lemma, "us");
    if (pos == table::kVerb || (pos == table::kNoun && !plural_already)) AddInflection(Plural(lemma), base);
    if (pos == table::kVerb) {
      for (const char* suffix : {"ed", "ing"}) {
        for (const auto& f : WithVowelSuffix(lemma, suffix)) AddInflection(f, base);
      }
    }
    if (pos == table::kAdjective && lemma.size() <= kMaxComparativeLetters && tagged && !Derived(lemma)) {
      for (const char* suffix : {"er", "est"}) {
        for (const auto& f : WithVowelSuffix(lemma, suffix)) AddInflection(f, base);
      }
    }
  }
  for (const auto& [form, pos, lemma] : irregular_) {
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
    const Synset& s = synsets_.at(synset_order_[i]);
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

void WriteArray(std::ostream& out, const char* decl, const std::vector<uint32_t>& v) {
  out << decl << " = {";
  for (size_t i = 0; i < v.size(); ++i) out << (i == 0 ? "\n" : i % 16 ? "," : ",\n") << v[i];
  out << "};\n";
}

bool Builder::Write(const std::string& path) const {
  std::ofstream out(path, std::ios::binary);
  if (!out) return Fail("cannot write " + path);
  out << "// Generated by rubric/lexicon/make_lexicon.cc from WordNet 3.0 and Snowball English.\n"
         "#include \"lexicon_table.h\"\n\nnamespace rubric::internal::lexicon_table {\n\nconst char kText[] =";
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
  WriteArray(out, "const uint32_t kForms[][3]", flat);
  out << "const uint32_t kFormCount = " << forms_.size() << ";\n";
  flat.clear();
  for (const auto& l : lemmas_) flat.insert(flat.end(), l.begin(), l.end());
  WriteArray(out, "const uint32_t kLemmas[][3]", flat);
  out << "const uint32_t kLemmaCount = " << lemmas_.size() << ";\n";
  WriteArray(out, "const uint32_t kSynsets[]", synset_lists_);
  WriteArray(out, "const uint32_t kSlots[]", slots_);
  out << "const uint32_t kSlotCount = " << slots_.size() << ";\n\n}  // namespace rubric::internal::lexicon_table\n";
  out.close();
  if (!out) return Fail("cannot write " + path);
  std::cerr << "make_lexicon: " << forms_.size() << " forms, " << lemmas_.size() << " lemmas, "
            << synset_lists_.size() << " synsets; " << text_.size() << " bytes of text, "
            << 4 * (pool_.size() + 3 * (forms_.size() + lemmas_.size()) + synset_lists_.size() + slots_.size())
            << " bytes of tables\n";
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: make_lexicon <wordnet-dir> <output.cc>\n";
    return 2;
  }
  Builder builder(argv[1]);
  if (!builder.Read()) return 1;
  builder.Build();
  return builder.Write(argv[2]) ? 0 : 1;
}
