// PatternSet: many RE2 patterns compiled once and matched against a text in one pass (RE2::Set);
// where a pattern matched is found with that pattern alone, compiled on its first Find. Add/Compile
// once, then Match and Find are const and thread-safe.
#ifndef RUBRIC_SRC_PATTERN_SET_H_
#define RUBRIC_SRC_PATTERN_SET_H_

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

namespace rubric::internal {

class PatternSet {
 public:
  PatternSet();
  ~PatternSet();

  // Whether `pattern` compiles alone within the size limit, with RE2's reason in `error` if not.
  // Add checks only what the set's parser sees; the bank's loader or the scorer runs this once on
  // every pattern (CompiledBank).
  static bool Check(std::string_view pattern, std::string* error);
  // Check's size part alone, for a pattern Add has parsed already.
  static bool CheckSize(std::string_view pattern, std::string* error);

  // Adds a pattern (case-insensitive); returns its index, or -1 with RE2's reason in `error`.
  int Add(std::string_view pattern, std::string* error);
  // Builds the set. After it, Add must not be called.
  bool Compile();

  // Sorted indices of the patterns that match somewhere in `text`.
  void Match(std::string_view text, std::vector<int>* hits) const;
  // The first match of pattern `index` in `text`.
  bool Find(int index, std::string_view text, size_t* begin, size_t* end) const;

  size_t size() const { return sources_.size(); }
  // How often the set's DFA ran out of memory and matching fell back to one pattern at a time.
  long fallbacks() const { return fallbacks_.load(); }

 private:
  // Compiles `pattern` alone: RE2's reason, or the size over the limit, in `error` if not.
  static bool CompilesWithinLimit(std::string_view pattern, std::string* error);
  // Pattern `index` compiled alone. Most patterns never need it (only credited concepts' spans
  // do), so it is built on first use and kept.
  const RE2& Single(int index) const;

  RE2::Options options_;
  std::unique_ptr<RE2::Set> set_;
  std::vector<std::string> sources_;
  mutable std::vector<std::unique_ptr<RE2>> singles_;
  std::unique_ptr<std::once_flag[]> single_once_;
  bool compiled_ = false;
  mutable std::atomic<long> fallbacks_{0};
};

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_PATTERN_SET_H_
