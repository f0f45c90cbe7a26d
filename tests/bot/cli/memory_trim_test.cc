#include "cli/memory_trim.h"

#include <doctest/doctest.h>

#include <chrono>
#include <memory>
#include <thread>

TEST_CASE("MemoryTrimmer trims on its interval and stops without waiting for the next one") {
  auto trimmer = std::make_unique<bot::MemoryTrimmer>(std::chrono::milliseconds(10));
  for (int i = 0; i < 500 && trimmer->trims() < 3; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK(trimmer->trims() >= 3);

  auto idle = std::make_unique<bot::MemoryTrimmer>(std::chrono::hours(1));
  const auto start = std::chrono::steady_clock::now();
  idle.reset();  // must not sleep out the hour
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}
