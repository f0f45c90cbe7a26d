#include "core/random.h"

#include <openssl/rand.h>

#include <cstdio>
#include <stdexcept>

namespace bot {
namespace {

void Fill(unsigned char* out, int n) {
  if (RAND_bytes(out, n) != 1) throw std::runtime_error("RAND_bytes failed");
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
