#include "meaning.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "synonyms.h"

using rubric::internal::ConceptMeanings;
using rubric::internal::SynonymTable;

namespace {

rubric::Question Retries() {
  rubric::Question q;
  q.question = "A payment retry charged a customer twice. What do you change?";
  rubric::Concept key{"idempotency-key", "Deduplicate retried payment requests with a stored key",
                      {}, 3, {}};
  rubric::Concept ledger{"reconcile", "Reconcile the ledger against the provider's records nightly",
                         {}, 2, {}};
  rubric::Concept vague{"vague", "Payments", {}, 1, {}};  // one head word: never meant by meaning
  q.rubric.concepts = {key, ledger, vague};
  return q;
}

}  // namespace

TEST_CASE("ConceptMeanings: a statement using enough of a concept's head words means it") {
  const rubric::Question q = Retries();
  const SynonymTable synonyms({});
  const ConceptMeanings meanings(q, synonyms);
  struct Case {
    std::string sentence;
    std::vector<int> concepts;
  };
  const std::vector<Case> cases = {
      {"we stored a key for every request so a retried one was deduplicated", {0}},
      {"each night we reconciled our ledger with the provider's records", {1}},
      {"the key", {}},                                  // one word is a topic, not an idea
      {"payments payments payments", {}},               // a one-word concept is never meant
      {"we reconcile the ledger with provider records and deduplicate with a stored key", {0, 1}},
      {"we reconcile records", {}},  // two of its five head words: not enough of the idea
  };
  for (const auto& c : cases) {
    CAPTURE(c.sentence);
    std::vector<int> got;
    for (const auto& m : meanings.Find(c.sentence)) {
      got.push_back(m.concept_index);
      CHECK(m.end > m.begin);
      CHECK(m.end <= c.sentence.size());
    }
    CHECK(got == c.concepts);
  }
}
