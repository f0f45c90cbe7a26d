#include "negation.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "marked.h"

using rubric::internal::DeclinesToAnswer;
using rubric::internal::IsNegated;
using rubric::internal::OpensWithNegation;

// Each case marks the mention with [brackets]; the brackets are removed before the check.
TEST_CASE("IsNegated decides whether a mention is dismissed") {
  struct Case {
    std::string sentence;
    bool negated;
  };
  const std::vector<Case> cases = {
      {"i would add an [idempotency key] to every request", false},
      {"i would not use a [saga] here", true},
      {"i wouldn't use a [saga] here", true},
      {"we couldn't [take the site down] for the migration", true},
      {"we haven't [rolled back] once this year", true},
      {"[idempotency keys] are overkill for this", true},
      {"[ttls] are useless here", true},
      {"no need for a [distributed lock]", true},
      {"we never need [two-phase commit]", true},
      {"instead of a [big-bang cutover], migrate in slices", true},
      {"migrate in slices rather than a [big-bang cutover]", true},
      {"i'd rather use a [saga]", false},
      {"use a [saga] instead of 2pc", false},
      {"i would not skip the [idempotency key]", false},
      {"don't forget the [idempotency key]", false},
      {"if we don't have an [idempotency key], a retry charges twice", false},
      {"without an [idempotency key], a retry charges twice", false},
      {"ship it without a [feature flag]", true},
      {"i would not use 2pc, but a [saga] works", false},
      {"not only [sagas] but also the outbox", false},
      {"[sagas] are not overkill here", false},
      {"[caching] won't help when the pool is exhausted", true},
      {"[sharding] is not needed at this scale", true},
      {"we avoid the [big-bang rewrite] entirely", true},
      {"looking at [explain plans] and the profiler is overkill", true},
      {"[replica lag] and read preference aren't worth checking", true},
      {"the [query plan] can't be the issue", true},
      {"[sagas] are just an excuse for bad boundaries", true},
      {"i don't think setting up [apollo tracing] is worth it", true},
      {"feature-parity gaps against ten years of undocumented [edge cases]", false},
      {"add an [idempotency key], and the lock is overkill", false},
      {"it is not true that [most requests] fail", true},
      {"it is not true that individual resolvers might be making [100+ queries]", true},
      {"it is not true that we page, so the [dashboard] stays", false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.sentence);
    size_t begin = 0, end = 0;
    const std::string text = Marked(c.sentence, &begin, &end);
    CHECK(IsNegated(text, begin, end) == c.negated);
  }
}

TEST_CASE("OpensWithNegation: a sentence that denies its claim from its first words") {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"it is not true that the key is stored", true},
      {"we don't store the key", true},
      {"no reconciliation job runs", true},
      {"never refund by hand", true},
      {"the key is stored with a unique constraint", false},
      {"not only the key but also the ledger", false},
      {"if we don't store the key, retries charge twice", false},
      {"store the key, and the retry never charges twice", false},
      {"", false},
  };
  for (const auto& c : cases) {
    // Named references, not a structured binding: clang (C++17) cannot capture those in CAPTURE.
    const std::string& sentence = c.first;
    CAPTURE(sentence);
    CHECK(OpensWithNegation(sentence) == c.second);
  }
}

TEST_CASE("InConditionalClause: an option weighed under a condition is not proposed") {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"if we [took the site down] we would lose $200k an hour", true},
      {"unless we [take the site down], the backfill runs for a week", true},
      {"whether we [use two-phase commit] or not, the provider cannot join it", true},
      {"if it times out, just [retry the charge]", false},
      {"we [take the site down] if the backfill fails", false},
      {"[take the site down] for an hour", false},
  };
  for (const auto& c : cases) {
    const std::string& marked = c.first;
    CAPTURE(marked);
    size_t begin = 0, end = 0;
    const std::string text = Marked(marked, &begin, &end);
    CHECK(rubric::internal::InConditionalClause(text, begin) == c.second);
  }
}

TEST_CASE("DeclinesToAnswer: a whole answer that says it is not answering") {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"not answered", true},
      {"no answer", true},
      {"i don't know.", true},
      {"i do not know the answer", true},
      {"idk", true},
      {"no idea!", true},
      {"n/a", true},
      {"skip", true},
      {"i don't know the exact figure, but a queue is first in first out", false},
      {"none", false},  // "how many return types does a constructor have?"
      {"no", false},
      {"pass by reference", false},
      {"it is not answered by the compiler", false},
  };
  for (const auto& c : cases) {
    const std::string& answer = c.first;
    CAPTURE(answer);
    CHECK(DeclinesToAnswer(answer) == c.second);
  }
}
