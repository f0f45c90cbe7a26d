// Concrete detail: the marks of a real situation told plainly (a team size, money, a duration, a
// date, a quantity with its unit). A rubric step may say which of them count towards it
// (`rubric.steps[].concrete`), so "five of us, in 2019, lost £40,000 over three months" covers a
// Situation or an Impact step without the rubric's words. Pure functions; thread-safe.
#ifndef RUBRIC_SRC_CONCRETE_H_
#define RUBRIC_SRC_CONCRETE_H_

#include <string>
#include <string_view>
#include <vector>

namespace rubric::internal {

// The kinds a rubric may name: "quantities", "team", "money", "durations", "dates".
const std::vector<std::string>& ConcreteKinds();

// Where the first detail of `kind` (one of ConcreteKinds()) is in the normalised `sentence`.
bool FindConcrete(const std::string& kind, std::string_view sentence, size_t* begin, size_t* end);

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_CONCRETE_H_
