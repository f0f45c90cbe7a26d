#include "args.h"

#include <doctest/doctest.h>

#include "test_util.h"

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
