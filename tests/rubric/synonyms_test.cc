#include "synonyms.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using rubric::internal::SynonymTable;

TEST_CASE("Synonyms come from the built-in groups and the bank's, by stem") {
  const std::vector<std::vector<std::string>> extra = {{"Idempotency key", "dedup key"}};
  const SynonymTable table(extra);
  struct Case {
    std::string word;
    std::vector<std::string> synonyms;
  };
  const std::vector<Case> cases = {
      {"deleted", {"remove", "erase", "drop"}},
      {"idempotency key", {"dedup key"}},
      {"dedup key", {"idempotency key"}},
      {"smallest", {"minimum", "min", "lowest", "least"}},
      {"children", {"child"}},
      {"leaves", {"leaf"}},
      // A word in two groups gets both: "pointer" is an address and a link.
      {"pointer", {"reference", "address", "link"}},
      {"giraffe", {}}};
  for (const auto& c : cases) {
    CAPTURE(c.word);
    CHECK(table.For(c.word) == c.synonyms);
  }
}
