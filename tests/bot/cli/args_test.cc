#include "cli/args.h"

#include <doctest/doctest.h>

#include "test_util.h"

#include <tuple>

namespace {
const std::vector<bot::FlagSpec> kSpecs = {
    {"question", true, "question id"}, {"json", false, "print JSON"}};
}

TEST_CASE("Args parses flags, inline values and positionals") {
  std::string error;
  auto args = bot::Args::Parse({"prog", "cmd", "--question", "4", "--json", "extra"}, 2, kSpecs,
                               &error);
  REQUIRE(args);
  CHECK(args->Get("question") == "4");
  CHECK(args->Has("json"));
  CHECK(args->positional() == std::vector<std::string>{"extra"});
  args = bot::Args::Parse({"prog", "cmd", "--question=payment"}, 2, kSpecs, &error);
  REQUIRE(args);
  CHECK(args->Get("question") == "payment");
}

TEST_CASE("Args rejects bad flags with a message listing what is valid") {
  struct Case {
    std::vector<std::string> argv;
    std::string error;
  };
  const std::vector<Case> cases = {
      {{"p", "c", "--colour"}, "unknown flag --colour; valid flags: --question, --json"},
      {{"p", "c", "--question"}, "flag --question needs a value"},
      {{"p", "c", "--json=yes"}, "flag --json takes no value"},
  };
  for (const auto& c : cases) {
    std::string error;
    CHECK_FALSE(bot::Args::Parse(c.argv, 2, kSpecs, &error));
    CHECK(error == c.error);
  }
}

TEST_CASE("ParseInt takes digits only, within the bounds") {
  const std::vector<std::tuple<std::string, bool, int>> cases = {
      {"3", true, 3},   {"1", true, 1},    {"100", true, 100}, {"0", false, 0},
      {"101", false, 0}, {"", false, 0},  {"-1", false, 0},  {"2x", false, 0},
      {" 3", false, 0}, {"9999999999", false, 0}};
  for (const auto& c : cases) {
    // Named references, not a structured binding: clang (C++17) cannot capture those in CAPTURE.
    const std::string& text = std::get<0>(c);
    const bool ok = std::get<1>(c);
    CAPTURE(text);
    int out = -7;
    CHECK(bot::ParseInt(text, 1, 100, &out) == ok);
    CHECK(out == (ok ? std::get<2>(c) : -7));
  }
}
