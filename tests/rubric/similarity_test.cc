#include "similarity.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text.h"

using rubric::internal::Analyse;
using rubric::internal::ModelVocabulary;
using rubric::internal::OneEditApart;
using rubric::internal::RepairUtf8;

namespace {

// Every stem of the model answer occurs in one model answer of three, so each has the same
// specificity; the question's "pointer" and "store" count a tenth of it.
ModelVocabulary PointerVocabulary() {
  return ModelVocabulary({"Pointers store memory addresses."}, "What do pointers store?",
                         {{"pointer", 1}, {"store", 1}, {"memor", 1}, {"address", 1}}, 3);
}

double Overlap(const ModelVocabulary& v, const std::string& answer) {
  return v.Overlap(Analyse(RepairUtf8(answer)), true);
}

}  // namespace

TEST_CASE("OneEditApart: one insertion, deletion, substitution or swap") {
  const std::vector<std::tuple<std::string, std::string, bool>> cases = {
      {"parameter", "paramater", true},   // replaced
      {"address", "adress", true},        // deleted
      {"function", "functgion", true},    // inserted
      {"memor", "memro", true},           // swapped
      {"pointer", "pointer", false},      // the same word is not a typo of itself
      {"pointer", "printed", false},      // two edits
      {"insert", "inserted", false},      // two letters longer
      {"", "a", true},
  };
  for (const auto& c : cases) {
    const std::string a = std::get<0>(c), b = std::get<1>(c);
    CAPTURE(a);
    CAPTURE(b);
    CHECK(OneEditApart(a, b) == std::get<2>(c));
    CHECK(OneEditApart(b, a) == std::get<2>(c));
  }
}

TEST_CASE("Overlap is the F1 of weighted recall and precision against the model answer") {
  const ModelVocabulary v = PointerVocabulary();
  CHECK(Overlap(v, "Pointers store memory addresses.") == doctest::Approx(1.0));
  // recall (1 + 1) / (1 + 1 + 0.1 + 0.1), precision 2 / 2
  const double memory_addresses = 2 * (2 / 2.2) / (2 / 2.2 + 1);
  CHECK(Overlap(v, "memory addresses") == doctest::Approx(memory_addresses));
  // Echoing the question earns nothing: none of the answer's own words are the model answer's.
  CHECK(Overlap(v, "Pointers store values.") == 0.0);
  CHECK(Overlap(v, "A queue is first in, first out.") == 0.0);
  // Half of the answer's own words are the model answer's: precision 2 / 4.
  const double padded = 2 * (2 / 2.2) * 0.5 / (2 / 2.2 + 0.5);
  CHECK(Overlap(v, "memory addresses of integer variables") == doctest::Approx(padded));
  CHECK(Overlap(v, "") == 0.0);
}

TEST_CASE("A misspelt word counts as the model answer's word one edit away") {
  const ModelVocabulary v = PointerVocabulary();
  CHECK(Overlap(v, "memroy adresses") == doctest::Approx(Overlap(v, "memory addresses")));
  // Short words are not corrected: "mem" is not "memory".
  CHECK(Overlap(v, "mem addresses") < Overlap(v, "memory addresses"));
}

TEST_CASE("A reference word's WordNet synonyms and derived forms count as it") {
  const ModelVocabulary v = PointerVocabulary();
  // "reference" shares the first sense of "address"; WordNet derives "memorize" from "memory".
  CHECK(Overlap(v, "memory references") == doctest::Approx(Overlap(v, "memory addresses")));
  CHECK(Overlap(v, "memorize addresses") == doctest::Approx(Overlap(v, "memory addresses")));
  CHECK(Overlap(v, "memory values") < Overlap(v, "memory addresses"));
  // A word the reference uses itself is never taken for another's synonym.
  const ModelVocabulary both({"Pointers store memory addresses and references."}, "What do pointers store?",
                             {{"pointer", 1}, {"store", 1}}, 3);
  CHECK(Overlap(both, "memory references") < Overlap(both, "memory addresses references"));
}

TEST_CASE("An answer's overlap is with the closest of the model answer and the accepted answers") {
  const ModelVocabulary model_only = PointerVocabulary();
  // Stems missing from the document frequencies count as in one model answer of three.
  const ModelVocabulary with_accepted(
      {"Pointers store memory addresses.", "A pointer holds where an object resides."},
      "What do pointers store?", {{"pointer", 1}, {"store", 1}, {"memor", 1}, {"address", 1}}, 3);
  const std::string paraphrase = "It holds where the object resides.";
  CHECK(Overlap(model_only, paraphrase) == 0.0);
  // recall 3 / 3.1 (the question's "pointer" is not said), precision 3 / 3
  const double closest = 2 * (3 / 3.1) / (3 / 3.1 + 1);
  CHECK(Overlap(with_accepted, paraphrase) == doctest::Approx(closest));
  CHECK(Overlap(with_accepted, "It holds where the objcet resides.") == doctest::Approx(closest));
  // The model answer's own wording scores as before: the accepted answer only adds.
  CHECK(Overlap(with_accepted, "memory addresses") == doctest::Approx(Overlap(model_only, "memory addresses")));
}
