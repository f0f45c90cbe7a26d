#include "hedge.h"

#include <doctest/doctest.h>

#include "text.h"

TEST_CASE("Hedges: words and phrases that withhold commitment") {
  struct Case {
    const char* sentence;
    bool hedges;
  };
  const Case cases[] = {
      {"Maybe the cache is the problem.", true},
      {"It could be the connection pool, I guess.", true},
      {"I'm not sure, but a queue would probably help.", true},
      {"I don't know if an index is enough.", true},
      {"We might add a retry or something.", true},
      {"Perhaps a canary first.", true},
      {"The cache is the problem: every miss goes to the database.", false},
      {"What kind of load do we expect at peak?", false},  // "kind of" names a thing
      {"I know the index is missing because the plan shows a sequential scan.", false},
      {"Be sure to page the owner before the rollback.", false},  // "sure" alone commits
      {"It could not be simpler: one key per request.", false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.sentence);
    CHECK(rubric::internal::Hedges(rubric::internal::Normalize(c.sentence).text) == c.hedges);
  }
}
