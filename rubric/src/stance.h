// Stance: whether the speaker endorses or rejects what an answer names. A mention is rejected by a
// negation in its clause (negation.h), by an evaluation that dismisses it ("sagas are overkill"),
// by a concession set up for a contrast ("explain plans sound good on paper, but ..."), or by
// being attributed to others ("people always blame the index"); a sentence can also dismiss what
// the one before it named ("No need.", "In practice it's busywork."). Pure functions over
// normalised text; thread-safe.
#ifndef RUBRIC_SRC_STANCE_H_
#define RUBRIC_SRC_STANCE_H_

#include <string_view>

namespace rubric::internal {

// True when the speaker rejects the mention [begin, end) of `sentence`, judged within the sentence.
bool RejectsMention(std::string_view sentence, size_t begin, size_t end);

// True when `sentence` dismisses what the sentence before it named: a bare dismissal ("Overkill.",
// "No need.") or one said of a pronoun ("That's academic", "In practice it is busywork").
bool DismissesPrevious(std::string_view sentence);

// True when `sentence` extends the verdict of the one before to what it names: "Same with tracing:
// ...", "Same goes for the runbook."
bool SameAsPrevious(std::string_view sentence);

// False when `sentence` holds nothing that could reject a mention in it: a cheap filter.
bool MayReject(std::string_view sentence);

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_STANCE_H_
