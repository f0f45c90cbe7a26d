#include "cli/memory_trim.h"

#include <doctest/doctest.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

TEST_CASE("MemoryTrimmer trims on its interval and stops without waiting for the next one") {
  auto trimmer = std::make_unique<bot::MemoryTrimmer>(std::chrono::milliseconds(10));
  for (int i = 0; i < 500 && trimmer->trims() < 3; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK(trimmer->trims() >= 3);

  // The trims done when each release ran: it runs before the 3rd, the 6th, ...
  std::vector<int> done_before_release;
  std::unique_ptr<bot::MemoryTrimmer> releasing;
  const bot::MemoryTrimmer* self = nullptr;  // stays valid while the destructor joins
  std::mutex mu;
  {
    std::lock_guard<std::mutex> l(mu);  // `self` is set before the first release reads it
    releasing = std::make_unique<bot::MemoryTrimmer>(std::chrono::milliseconds(10), 3, [&] {
      std::lock_guard<std::mutex> l(mu);
      done_before_release.push_back(self->trims());
    });
    self = releasing.get();
  }
  for (int i = 0; i < 500 && releasing->trims() < 7; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  releasing.reset();
  REQUIRE(done_before_release.size() >= 2);
  for (size_t i = 0; i < done_before_release.size(); ++i) CHECK(done_before_release[i] == 3 * i + 2);

  auto idle = std::make_unique<bot::MemoryTrimmer>(std::chrono::hours(1));
  const auto start = std::chrono::steady_clock::now();
  idle.reset();  // must not sleep out the hour
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}
