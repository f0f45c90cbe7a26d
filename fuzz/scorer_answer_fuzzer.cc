// Any bytes as an answer (and follow-up) to any seed question: the scorer must return a Status and
// a result in range, never crash, hang or read out of bounds. The first byte picks the question
// and whether a follow-up is scored; a NUL byte, when present, splits answer from follow-up.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "rubric/bank.h"
#include "rubric/scorer.h"

namespace {

struct Seed {
  rubric::Bank bank;
  std::unique_ptr<rubric::Scorer> scorer;
};

const Seed& LoadSeed() {
  static const Seed* seed = [] {
    auto* s = new Seed;
    rubric::Status status;
    auto bank = rubric::LoadBank(SEED_BANK_DIR, &status);
    if (!bank) {
      std::fprintf(stderr, "seed bank: %s\n", status.ToString().c_str());
      std::abort();
    }
    s->bank = std::move(*bank);
    s->scorer = rubric::Scorer::Compile(s->bank, &status);
    if (!s->scorer) std::abort();
    return s;
  }();
  return *seed;
}

}  // namespace

// The seed bank compiles in seconds under the sanitizers: done once here, outside the per-input
// timeout, so it is not taken for a hang.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  LoadSeed();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const Seed& seed = LoadSeed();
  const size_t count = seed.bank.questions.size();
  const rubric::Question& q = seed.bank.questions[data[0] % count];
  const bool with_follow_up = (data[0] / count) % 2 == 1;
  const std::string rest(reinterpret_cast<const char*>(data + 1), size - 1);
  const size_t split = rest.find('\0');
  const std::string answer = rest.substr(0, split);
  const std::string follow_up = split == std::string::npos ? "" : rest.substr(split + 1);
  // Alternate between the id and the number, both accepted forms of a question reference.
  const std::string ref = data[0] & 0x80 ? std::to_string(q.number) : q.id;
  rubric::Result result;
  const rubric::Status status = with_follow_up
                                    ? seed.scorer->ScoreWithFollowUp(ref, answer, follow_up, &result)
                                    : seed.scorer->Score(ref, answer, &result);
  if (status.ok() && !(result.score >= 0 && result.score <= 10)) std::abort();
  if (status.ok()) (void)rubric::ToJson(result).dump();
  return 0;
}
