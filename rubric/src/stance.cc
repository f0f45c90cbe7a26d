#include "stance.h"

#include <re2/re2.h>

#include "dismissals.h"
#include "negation.h"
#include "text.h"

namespace rubric::internal {
namespace {

constexpr size_t kBareDismissalWords = 5;  // "Not worth it." "Pure ceremony, honestly."

// A concession before a contrast that follows the mention's start: "X sounds great, but ...". The
// contrast may fall inside a mention that a pattern stretched over it ("two-phase commit exists,
// but the coordinator ..." matched as "two-phase commit ... coordinator").
bool Conceded(std::string_view sentence, size_t begin) {
  const size_t contrast = FindContrast(sentence.substr(begin));
  if (contrast == std::string_view::npos) return false;
  const std::string_view before = sentence.substr(0, begin + contrast);
  const std::string_view after = sentence.substr(begin + contrast);
  switch (ConcessionIn(before)) {
    case Concession::kStrong:
      return true;
    case Concession::kWeak:
      return FindDismissal(after) != std::string_view::npos || MayNegate(after);
    case Concession::kNone:
      return false;
  }
  return false;
}

// The mention follows an attribution to others with no contrast in between: "people always
// blame the index", "everyone reaches for locks and idempotency".
bool Attributed(std::string_view sentence, size_t begin) {
  const std::string_view before = sentence.substr(0, begin);
  const size_t end = AttributionEnd(before);
  return end != std::string_view::npos &&
         FindContrast(before.substr(end)) == std::string_view::npos &&
         !Agrees(sentence.substr(end));
}

// A sentence opening in sarcasm mocks what it names before any contrast: "oh sure, let's add a
// saga and an outbox, but ..." .
bool Mocked(std::string_view sentence, size_t begin) {
  return IsSarcastic(sentence) && FindContrast(sentence.substr(0, begin)) == std::string_view::npos;
}

const RE2& Latin1(const char* pattern) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  return *new RE2(pattern, options);
}

// "I'd skip all of it", "we can pass on most of that": a verdict on everything just listed.
bool RejectsAllBefore(std::string_view sentence) {
  static const RE2& re = Latin1(
      R"(\b(skip|drop|pass on|ignore|forget|avoid|ditch|scrap|leave out|do without)\b( basically| )"
      R"(pretty much| most of| nearly| almost)? ?(all|most|both|each|any|every one|the lot|everything|)"
      R"(none)( of)?( it| that| them| this| those| these)?\b)");
  return RE2::PartialMatch(re2::StringPiece(sentence.data(), sentence.size()), re);
}

// A sentence that is a concession and its contrast, said of what came before: "Sounds nice on
// paper, but ...", "Nice idea, but not worth it."
bool ConcedesPrevious(std::string_view sentence) {
  static const RE2& opener = Latin1(
      R"(^((a |all )?(nice|good|reasonable|interesting|fair|great|neat|cute|lovely|sensible|noble|)"
      R"(solid|elegant|clever|tidy|all very|very)( idea| plan| thought| point| enough| in theory| )"
      R"(on paper| sounding| stuff| advice)?s?|in theory|on paper|sure|fine|granted|)"
      R"((that |it |this |all )?(sounds?|looks?|seems?) [a-z ]{0,25})\b)");
  const size_t contrast = FindContrast(sentence);
  if (contrast == std::string_view::npos || contrast > 60) return false;
  if (!RE2::PartialMatch(re2::StringPiece(sentence.data(), contrast), opener)) return false;
  const std::string_view after = sentence.substr(contrast);
  return ConcessionIn(sentence.substr(0, contrast)) == Concession::kStrong ||
         FindDismissal(after) != std::string_view::npos || MayNegate(after);
}

// "leave the pagination alone", "leave our schema as it is": kept out of the plan.
bool LeftAlone(std::string_view sentence, size_t begin, size_t end) {
  static const RE2* leave = [] {
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingLatin1);
    return new RE2(R"(\bleav(e|ing) ((the|that|this|those|these|our|its|their|any) )?$)", options);
  }();
  static const RE2* alone = [] {
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingLatin1);
    return new RE2(R"(^[^,;.]{0,30}\b(alone|be|as (it|they) (is|are)|as is|untouched)\b)", options);
  }();
  const std::string_view before = sentence.substr(0, begin), after = sentence.substr(end);
  return RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), *leave) &&
         RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), *alone);
}

// "rule out sagas", "stay away from a distributed lock": a multi-word verb that rejects its object.
bool RejectedByVerb(std::string_view sentence, size_t begin) {
  static const RE2* verb = [] {
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingLatin1);
    return new RE2(
        R"(\b(rul(e|ing|ed) out|stay(ing)? away from|steer(ing)? clear of|do(ing)? without|)"
        R"(get(ting)? rid of|giv(e|ing) up on|pass(ing)? on)( [a-z0-9'-]+){0,2} $)",
        options);
  }();
  const std::string_view before = sentence.substr(0, begin);
  return RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), *verb);
}

}  // namespace

bool RejectsMention(std::string_view sentence, size_t begin, size_t end) {
  return IsNegated(sentence, begin, end) || Conceded(sentence, begin) || Attributed(sentence, begin) ||
         Mocked(sentence, begin) || LeftAlone(sentence, begin, end) ||
         RejectedByVerb(sentence, begin);
}

bool DismissesPrevious(std::string_view sentence) {
  if (RejectsAllBefore(sentence) || ConcedesPrevious(sentence)) return true;
  const size_t at = FindDismissal(sentence);
  if (at == std::string_view::npos) return false;
  if (Words(sentence).size() <= kBareDismissalWords) return !TellsThePast(sentence);
  // The dismissal is said of a pronoun that opens the sentence.
  static const RE2* pronoun_subject = [] {
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingLatin1);
    return new RE2(
        R"(^((honestly|frankly|in practice|realistically|really|but|and|so|again|to me),? )*)"
        R"((that|this|it|they|those|these|both|either|all (of )?(that|this|it|them|those)|)"
        R"(most of (that|this|it|them)|none of (that|this|it|them)|the rest)('s|'re| is| are| was| were|)"
        R"( would be| will be| feels| seems| sounds| looks| just| really| mostly| basically)*\b)",
        options);
  }();
  re2::StringPiece match;
  const re2::StringPiece input(sentence.data(), sentence.size());
  if (!pronoun_subject->Match(input, 0, input.size(), RE2::ANCHOR_START, &match, 1)) return false;
  // Within a few words of the subject: "that's overkill", "it is, frankly, academic".
  const size_t subject_end = match.size();
  return at >= subject_end && Words(sentence.substr(subject_end, at - subject_end)).size() <= 3 &&
         !TellsThePast(sentence.substr(0, at));
}

bool SameAsPrevious(std::string_view sentence) {
  static const RE2* same = [] {
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingLatin1);
    return new RE2(R"(^(and |but )?(the )?same (with|for|goes for|applies to|story with|is true of)\b)",
                   options);
  }();
  return RE2::PartialMatch(re2::StringPiece(sentence.data(), sentence.size()), *same);
}

bool MayReject(std::string_view sentence) { return MayNegate(sentence) || MayDismiss(sentence); }

}  // namespace rubric::internal
