// Negation and dismissal: decides whether a mention inside a sentence is rejected by the speaker
// ("I would not use a saga", "TTLs are useless here", "instead of a big-bang cutover").
// Pure functions; thread-safe.
#ifndef RUBRIC_SRC_NEGATION_H_
#define RUBRIC_SRC_NEGATION_H_

#include <string_view>

namespace rubric::internal {

// `sentence` is normalised text; [begin, end) the mention inside it. A mention is negated when its
// clause puts an odd number of negation cues in the few words before it ("not", "never", "no need
// for", "instead of", ...) or a dismissal right after it (dismissals.h: "is overkill", "are
// useless"). Cues inside
// a conditional ("if we don't have X, ...", "without X, retries ...") argue for X and do not count.
bool IsNegated(std::string_view sentence, size_t begin, size_t end);

// True when the mention at `begin` of `sentence` (normalised) sits in a clause that opens with a
// condition ("if we took the site down, we would lose $200k"): it weighs an option rather than
// proposing it. A main clause after the condition is not conditional ("if it times out, just
// retry").
bool InConditionalClause(std::string_view sentence, size_t begin);

// False when `sentence` holds no negation cue. With MayDismiss (dismissals.h) false too, no
// mention in it needs IsNegated. One pass; cheap.
bool MayNegate(std::string_view sentence);

// True when `sentence` (normalised) denies its claim from the start: "not", "no", "never" or a
// "n't" among its first words, outside a conditional ("It is not true that ...", "We don't need
// ..."). An answer made mostly of such sentences is a denial, whatever it mentions.
bool OpensWithNegation(std::string_view sentence);

// True when the whole answer (normalised) declines to answer instead of answering: "not
// answered", "I don't know", "no idea", "n/a", "skip". Such an answer scores like an empty one.
bool DeclinesToAnswer(std::string_view answer);

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_NEGATION_H_
