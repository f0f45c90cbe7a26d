#include "pattern_set.h"

#include <algorithm>

#include "pattern_size.h"

namespace rubric::internal {
namespace {

// Large counted repetitions multiply the set's DFA; the seed bank's largest pattern is ~1,900.
constexpr int kMaxProgramSize = 5000;

RE2::Options Options() {
  RE2::Options options;
  options.set_case_sensitive(false);
  // Answers are normalised to lower-case ASCII punctuation and patterns are ASCII, so bytes are
  // enough: Latin-1 makes "." one byte instead of a UTF-8 automaton, which keeps the DFA small.
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_log_errors(false);
  return options;
}

// Whether the size bound read from the pattern's text is within the limit (no compile needed).
bool BoundWithinLimit(std::string_view pattern) {
  const auto bound = ProgramSizeBound(pattern);
  return bound && *bound <= kMaxProgramSize;
}

RE2::Options SingleOptions() {
  RE2::Options options = Options();
  options.set_max_mem(8 << 20);
  return options;
}

}  // namespace

PatternSet::PatternSet() : options_(Options()) {
  options_.set_max_mem(256 << 20);  // the DFA of a whole bank; Match falls back if it runs out
  set_ = std::make_unique<RE2::Set>(options_, RE2::UNANCHORED);
}

PatternSet::~PatternSet() = default;

bool PatternSet::Check(std::string_view pattern, std::string* error) {
  // Nearly every pattern is far below the limit by a bound read from its text; for those, RE2's
  // parser alone finds every error, at a fifth of the cost of a compile.
  if (BoundWithinLimit(pattern)) {
    RE2::Set parser(SingleOptions(), RE2::UNANCHORED);
    return parser.Add(re2::StringPiece(pattern.data(), pattern.size()), error) >= 0;
  }
  return CompilesWithinLimit(pattern, error);
}

bool PatternSet::CheckSize(std::string_view pattern, std::string* error) {
  return BoundWithinLimit(pattern) || CompilesWithinLimit(pattern, error);
}

bool PatternSet::CompilesWithinLimit(std::string_view pattern, std::string* error) {
  const RE2 re(re2::StringPiece(pattern.data(), pattern.size()), SingleOptions());
  if (!re.ok()) {
    *error = re.error();
    return false;
  }
  if (re.ProgramSize() > kMaxProgramSize) {
    *error = "pattern is too large once compiled (" + std::to_string(re.ProgramSize()) +
             " instructions, limit " + std::to_string(kMaxProgramSize) +
             "); use smaller repetition counts";
    return false;
  }
  return true;
}

int PatternSet::Add(std::string_view pattern, std::string* error) {
  const int index = set_->Add(re2::StringPiece(pattern.data(), pattern.size()), error);
  if (index < 0) return -1;
  sources_.emplace_back(pattern);
  return index;
}

bool PatternSet::Compile() {
  singles_.resize(sources_.size());
  single_once_ = std::make_unique<std::once_flag[]>(sources_.size());
  compiled_ = set_->Compile();
  return compiled_;
}

const RE2& PatternSet::Single(int index) const {
  std::call_once(single_once_[index],
                 [&] { singles_[index] = std::make_unique<RE2>(sources_[index], SingleOptions()); });
  return *singles_[index];
}

void PatternSet::Match(std::string_view text, std::vector<int>* hits) const {
  hits->clear();
  const re2::StringPiece piece(text.data(), text.size());
  RE2::Set::ErrorInfo info;
  if (compiled_ && (set_->Match(piece, hits, &info) || info.kind == RE2::Set::kNoError)) {
    std::sort(hits->begin(), hits->end());
    return;
  }
  ++fallbacks_;
  hits->clear();
  for (size_t i = 0; i < sources_.size(); ++i) {
    if (RE2::PartialMatch(piece, Single(static_cast<int>(i)))) hits->push_back(static_cast<int>(i));
  }
}

bool PatternSet::Find(int index, std::string_view text, size_t* begin, size_t* end) const {
  re2::StringPiece match;
  const re2::StringPiece piece(text.data(), text.size());
  if (!Single(index).Match(piece, 0, piece.size(), RE2::UNANCHORED, &match, 1)) return false;
  *begin = static_cast<size_t>(match.data() - piece.data());
  *end = *begin + match.size();
  return true;
}

}  // namespace rubric::internal
