#include "core/random.h"

#include <sys/random.h>

#include <cerrno>
#include <cstdio>
#include <stdexcept>

namespace bot {
namespace {

// The kernel's CSPRNG (getrandom(2), blocking only until it is first seeded at boot).
void Fill(unsigned char* out, size_t n) {
  while (n > 0) {
    const ssize_t got = getrandom(out, n, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error("getrandom failed");
    }
    out += got;
    n -= static_cast<size_t>(got);
  }
}

}  // namespace

std::string SecureRandom::NewId() {
  unsigned char bytes[16];
  Fill(bytes, sizeof bytes);
  std::string id;
  char hex[3];
  for (unsigned char b : bytes) {
    snprintf(hex, sizeof hex, "%02x", b);
    id += hex;
  }
  return id;
}

uint64_t SecureRandom::Below(uint64_t bound) {
  if (bound == 0) return 0;
  const uint64_t limit = UINT64_MAX - UINT64_MAX % bound;  // reject to stay uniform
  uint64_t x;
  do {
    Fill(reinterpret_cast<unsigned char*>(&x), sizeof x);
  } while (x >= limit);
  return x % bound;
}

}  // namespace bot
