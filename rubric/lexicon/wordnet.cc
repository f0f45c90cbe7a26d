#include "wordnet.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "lexicon_table.h"

namespace lexicon_build {
namespace {

namespace table = rubric::internal::lexicon_table;

constexpr const char* kPosFiles[] = {"noun", "verb", "adj", "adv"};

int PosOf(char c) {
  switch (c) {
    case 'n':
      return table::kNoun;
    case 'v':
      return table::kVerb;
    case 'a':
    case 's':
      return table::kAdjective;
    case 'r':
      return table::kAdverb;
    default:
      return -1;
  }
}

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

bool Fail(std::string* error, const std::string& what) {
  *error = what;
  return false;
}

bool ReadData(const std::string& dir, int pos, WordNet* wn, std::string* error) {
  const std::string path = dir + "/data." + kPosFiles[pos];
  std::ifstream in(path);
  if (!in) return Fail(error, "cannot read " + path);
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
    if (!f) return Fail(error, path + ": cannot parse synset " + std::to_string(offset));
    wn->synsets[{pos, offset}] = std::move(s);
  }
  return true;
}

bool ReadIndex(const std::string& dir, int pos, WordNet* wn, std::string* error) {
  const std::string path = dir + "/index." + kPosFiles[pos];
  std::ifstream in(path);
  if (!in) return Fail(error, "cannot read " + path);
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
    auto& offsets = wn->senses[{CleanWord(lemma, &proper), pos}];
    for (long offset; f >> offset;) offsets.push_back(offset);
    if (offsets.empty()) return Fail(error, path + ": no senses for " + lemma);
  }
  return true;
}

bool ReadExceptions(const std::string& dir, int pos, WordNet* wn, std::string* error) {
  const std::string path = dir + "/" + kPosFiles[pos] + ".exc";
  std::ifstream in(path);
  if (!in) return Fail(error, "cannot read " + path);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream f(line);
    std::string form, base;
    bool proper = false;
    f >> form;
    while (f >> base) wn->irregular.emplace_back(CleanWord(form, &proper), pos, CleanWord(base, &proper));
  }
  return true;
}

// cntlist.rev: "lemma%ss_type:... sense_number tag_count", the SemCor counts behind the sense order.
bool ReadCounts(const std::string& dir, WordNet* wn, std::string* error) {
  const std::string path = dir + "/cntlist.rev";
  std::ifstream in(path);
  if (!in) return Fail(error, "cannot read " + path);
  std::string key;
  int sense = 0;
  uint32_t count = 0;
  while (in >> key >> sense >> count) {
    const size_t percent = key.find('%');
    if (percent == std::string::npos || percent + 1 >= key.size()) {
      return Fail(error, path + ": bad key " + key);
    }
    const char type = key[percent + 1];
    const int pos = type >= '1' && type <= '5' ? PosOf("nvars"[type - '1']) : -1;
    bool proper = false;
    if (pos >= 0) wn->tags[{CleanWord(key.substr(0, percent), &proper), pos, sense}] = count;
  }
  return true;
}

}  // namespace

bool ReadWordNet(const std::string& dir, WordNet* out, std::string* error) {
  for (int pos = 0; pos < 4; ++pos) {
    if (!ReadData(dir, pos, out, error) || !ReadIndex(dir, pos, out, error) ||
        !ReadExceptions(dir, pos, out, error)) {
      return false;
    }
  }
  return ReadCounts(dir, out, error);
}

}  // namespace lexicon_build
