// Hedging: whether a statement withholds commitment ("maybe", "I guess", "not sure", "could be").
// An answer hedged in nearly every statement says what might be true, not what the candidate would
// do. Pure function; thread-safe.
#ifndef RUBRIC_SRC_HEDGE_H_
#define RUBRIC_SRC_HEDGE_H_

#include <string_view>

namespace rubric::internal {

// `sentence` is normalised text (text.h). True when it holds a hedge: a word that withholds
// commitment ("maybe", "perhaps", "probably", "might", "hopefully") or a phrase that does ("not
// sure", "i guess", "no idea", "could be", "i suppose", "or something").
bool Hedges(std::string_view sentence);

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_HEDGE_H_
