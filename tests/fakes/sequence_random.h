// SequenceRandom: the Random of tests: ids 00..01, 00..02, ... and a fixed sequence of draws, so
// a test's sessions and random tracks are the same every run. Not thread-safe.
#ifndef TESTS_FAKES_SEQUENCE_RANDOM_H_
#define TESTS_FAKES_SEQUENCE_RANDOM_H_

#include <cstdio>

#include "core/random.h"

namespace bot {

class SequenceRandom : public Random {
 public:
  std::string NewId() override {
    char buf[33];
    snprintf(buf, sizeof buf, "%032llx", static_cast<unsigned long long>(++ids_));
    return buf;
  }
  uint64_t Below(uint64_t bound) override { return bound ? (next_++ * 7919) % bound : 0; }

 private:
  uint64_t ids_ = 0, next_ = 1;
};

}  // namespace bot

#endif  // TESTS_FAKES_SEQUENCE_RANDOM_H_
