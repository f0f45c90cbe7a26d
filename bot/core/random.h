// Randomness for session ids and random tracks, behind an interface so tests are repeatable.
// SecureRandom draws from the kernel's CSPRNG (getrandom); thread-safe. Tests use SequenceRandom
// (tests/fakes/sequence_random.h).
#ifndef BOT_CORE_RANDOM_H_
#define BOT_CORE_RANDOM_H_

#include <cstdint>
#include <string>

namespace bot {

class Random {
 public:
  virtual ~Random() = default;
  // 32 lower-case hex characters: 128 random bits.
  virtual std::string NewId() = 0;
  // A uniformly random integer in [0, bound).
  virtual uint64_t Below(uint64_t bound) = 0;
};

class SecureRandom : public Random {
 public:
  std::string NewId() override;
  uint64_t Below(uint64_t bound) override;
};

}  // namespace bot

#endif  // BOT_CORE_RANDOM_H_
