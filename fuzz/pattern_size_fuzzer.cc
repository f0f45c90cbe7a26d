// Any bytes as a pattern: ProgramSizeBound must never read past the text, and wherever it gives a
// bound and RE2 compiles the pattern (PatternSet's options for a pattern alone), the bound must be
// at least RE2's program size: a bound below it would let an oversized pattern skip the compile
// that refuses it.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <re2/re2.h>

#include "pattern_size.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view pattern(reinterpret_cast<const char*>(data), size);
  const auto bound = rubric::internal::ProgramSizeBound(pattern);
  if (!bound) return 0;
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);
  const RE2 re(re2::StringPiece(pattern.data(), pattern.size()), options);
  if (re.ok() && *bound < re.ProgramSize()) std::abort();
  return 0;
}
