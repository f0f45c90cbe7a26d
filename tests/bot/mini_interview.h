// MiniInterview: the Interview of tests: the two-question mini bank (tests/data/mini-bank), a fake
// clock and sequential session ids. Not thread-safe to build; the Interview it holds is.
#ifndef TESTS_BOT_MINI_INTERVIEW_H_
#define TESTS_BOT_MINI_INTERVIEW_H_

#include <memory>
#include <stdexcept>

#include "core/interview.h"
#include "fakes/fake_clock.h"
#include "fakes/sequence_random.h"

namespace bot {

struct MiniInterview {
  rubric::Bank bank;
  std::unique_ptr<rubric::Scorer> scorer;
  FakeClock clock;
  SequenceRandom random;
  std::unique_ptr<Interview> interview;

  // Throws (no doctest assertion: forked test children build one too) if the bank does not load.
  MiniInterview() {
    rubric::Status status;
    auto loaded = rubric::LoadBank(TEST_DATA_DIR "/mini-bank", &status);
    if (!loaded) throw std::runtime_error("the mini bank: " + status.ToString());
    bank = std::move(*loaded);
    scorer = rubric::Scorer::Compile(bank, &status);  // keeps a reference to `bank`
    if (!scorer) throw std::runtime_error("the mini bank: " + status.ToString());
    interview = std::make_unique<Interview>(*scorer, clock, random);
  }
  MiniInterview(const MiniInterview&) = delete;  // the scorer refers to this object's bank
  MiniInterview& operator=(const MiniInterview&) = delete;
};

}  // namespace bot

#endif  // TESTS_BOT_MINI_INTERVIEW_H_
