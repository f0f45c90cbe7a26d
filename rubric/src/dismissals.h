// The vocabulary of dismissal: how English says that something named is not worth doing, by
// category rather than by example: evaluations that dismiss ("overkill", "busywork", "a red
// herring", "not worth it", "just adds complexity"), concessions that set something up to be
// rejected ("sounds good on paper", "I know ..."), and attributions to others ("people always
// blame ..."). Each category is one RE2 compiled once; the queries are const and thread-safe.
#ifndef RUBRIC_SRC_DISMISSALS_H_
#define RUBRIC_SRC_DISMISSALS_H_

#include <string_view>

namespace rubric::internal {

// Where in `text` (normalised) the first dismissive evaluation starts, or npos.
size_t FindDismissal(std::string_view text);
// A concession marker in `text`: strong ("sounds great", "on paper", "in theory") concedes in
// order to reject; weak ("i know", "sure", "fine for") only when what follows rejects too.
enum class Concession { kNone, kWeak, kStrong };
Concession ConcessionIn(std::string_view text);
// Where the first attribution to others ends ("people always blame", "everyone reaches for",
// "the first instinct is"), or npos: what follows it is their idea, not the speaker's.
size_t AttributionEnd(std::string_view text);
// True when `sentence` opens in sarcasm ("oh sure, let's add ...", "great, let's ..."): what it
// lists is mocked.
bool IsSarcastic(std::string_view sentence);
// True when `text` agrees with what it attributed ("..., and that's what I'd do", "I agree").
bool Agrees(std::string_view text);
// Where the first contrast starts ("but", "however", "yet", "in practice", "actually"), or npos.
size_t FindContrast(std::string_view text);
// True when `text` (the words from a subject to its verdict) is told in the past ("was", "turned
// out", "proved"): a verdict on what happened, as a retrospective gives, is not a stance on what
// to do now.
bool TellsThePast(std::string_view text);
// True when `text` may hold any of the above or a rejection verb: a cheap filter.
bool MayDismiss(std::string_view text);

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_DISMISSALS_H_
