#include "dismissals.h"

#include <cstdlib>
#include <string>

#include <re2/re2.h>

namespace rubric::internal {
namespace {

// Evaluations that reject what they are said of. Grouped by what they claim, so that a new
// wording of the same claim belongs to a group rather than to a list of sentences:
const char kDismissal[] =
    // ... that it is more than the problem needs,
    R"(\b(overkill|over-?engineer\w*|over-?complicat\w*|over-?think\w*|over-?build\w*|)"
    R"(gold-?plat\w*|bikeshed\w*|unnecessar\w*|needless\w*|superfluous|excessive|)"
    // ... that it does nothing useful,
    R"(pointless|useless|worthless|futile|counter-?productive|wasteful|a waste|a non-?starter|)"
    R"(a dead end|a red herring|a cop-?out|a band-?aid|a gimmick|a crutch|a sideshow|)"
    R"(a distraction|a luxury|a trap|a myth|a non-?issue|a rabbit hole|nice[- ]to[- ]have|)"
    R"(an excuse|(just|mostly|pure) noise|a pain|unacceptable|)"
    // ... that it is ritual or talk rather than work,
    R"(busy-?work|make-?work|ceremony|ceremonial|theat(?:er|re)|bureaucra\w+|red tape|)"
    R"(box-?ticking|paperwork|navel-?gazing|cargo[- ]cult\w*|snake oil|hand-?waving|)"
    R"(academic|theoretical|impractical|unrealistic|not realistic|fiction|guesswork|)"
    R"(a research project|an academic exercise|nonsense|silly|overblown|)"
    // ... that it is overvalued,
    R"(over-?rated|over-?sold|over-?hyped|over-?used|hype|a fad|premature)\b)"
    // ... that it is not needed or not the point,
    R"(|\b(not|isn't|aren't|wasn't|won't be|can't be|cannot be|never)( really| actually| even)? )"
    R"((needed|necessary|required|worth|useful|relevant|realistic|warranted|justified|an option|)"
    R"(it|the (answer|problem|issue|cause|culprit|bottleneck|point|way to go))\b)"
    R"(|\bno (real )?(need|point|use|value|reason)\b)"
    // ... that it does not help,
    R"(|\b(won't|wouldn't|doesn't|don't|didn't|will not|would not|does not|do not|never) )"
    R"((really |actually |even )?(help|work|matter|apply|scale|pay off|bother|fix (it|anything|this|that)|)"
    R"(tell (us|you|me) (anything|much)|change (anything|much)|buy (us|you) (anything|much)|)"
    R"(add (anything|much|value)|move the needle)\b)"
    R"(|\btells? (us |you )?nothing\b|\bmakes? no (sense|difference)\b)"
    R"(|\b(won't|wouldn't|doesn't|don't|will not|would not|does not|do not) get (you|us|anyone) )"
    R"((anywhere|far)\b|\b(gets?|got) (you|us) nowhere\b|\bleads? nowhere\b)"
    R"(|\bless (useful|valuable|important|helpful) than (people|you|most|everyone|they) )"
    R"((think|expect|assume|believe)\b|\b(a fantasy|wishful thinking)\b)"
    // ... that nobody would use it,
    R"(|\bnobody (ever |really |actually )?(reads?|opens?|uses?|looks? at|maintains?|checks?|)"
    R"(follows?|needs?|watches?|updates?)\b)"
    R"(|\b(rarely|seldom|hardly ever|almost never) (the (answer|problem|cause|issue)|worth (it|the)|)"
    R"(needed|necessary|useful|matters?|helps?|pays? off)\b)"
    // ... that it belongs on a slide, not in production ("lovely on a whiteboard"),
    R"(|\b(out of the question|off the table|not the way to go)\b)"
    R"(|\b(lovely|nice|great|beautiful|elegant|fine|pretty|wonderful) (for|on|in) (a |the )?)"
    R"((slide|slide deck|deck|whiteboard|conference talk|blog post|textbook|interview|paper)s?\b)"
    R"(|\b(ways|a way) to look busy\b|\bend up on (cvs|resumes|a cv|a resume)\b)"
    // ... or that it only costs: "just adds complexity", "drags in tracing".
    R"(|\b(just|only|merely|simply) (adds?|brings?|introduces?|creates?|piles? on|drags? in))"
    R"(( (a lot of|lots of|more|extra|another|a new|new|an extra|one more))? (complexity|overhead|)"
    R"(moving parts?|failure modes?|ceremony|bureaucracy|noise|confusion|risk|infrastructure|)"
    R"(indirection|latency|work|code|layers?|dependenc\w+)\b)"
    R"(|\b(adds?|brings?|introduces?) (needless|unnecessary|pointless|gratuitous) )"
    R"(|\bdrags? in\b|\bmore trouble than\b|\bmore (moving parts|ceremony|overhead) than\b)"
    R"(|\b(gets?|got) in the way\b|\bslows? (us|everyone|everybody|the team|things) down\b)"
    // ... or that it can be left as it is.
    R"(|\bleave (it|that|them|this|those) (alone|be|out)\b)";

// Markers that concede something so as to reject it after a contrast. A strong one rejects by
// itself ("X sounds great on paper, but ..."); a weak one only when the contrast rejects too
// ("sure, X helps, but we don't need it"), since "of course we add X, but also Y" keeps X.
const char kStrongConcession[] =
    R"(\b(sounds?|sounded|looks?|seems?) (really |very |so )?(good|great|nice|neat|elegant|clever|)"
    R"(smart|appealing|tempting|reasonable|fine|simple|right|impressive|sensible|cool|attractive|)"
    R"(clean|safe|rigorous|thorough|responsible)\b)"
    R"(|\b(on paper|in theory|in principle|in an ideal world|on slides|in a textbook|textbook|)"
    R"(tempting)\b)";
const char kWeakConcession[] =
    R"(^(i know|i get (it|that|why)|i understand|sure|granted|admittedly|of course)\b)"
    R"(|\b(fine for|nice for|great for|good for|fine if you|nice to have)\b)"
    // ... or grants only that it exists or can be done: "2PC exists, but the coordinator ...".
    R"(|\b(exists?|(is|are) (technically )?possible|(is|are) an option|(is|are) options|)"
    R"(technically works?|has its place|have their place)\b)";

// Others' ideas: "people always blame", "everyone reaches for", "the first instinct is to".
const char kAttribution[] =
    R"(\b(people|everyone|everybody|folks|(most|some|many) (people|teams|engineers|developers|devs|folks)|others|)"
    R"(consultants|vendors|the industry|the (text)?books?|blog posts|best practices?)('s|'ll|'re)?)"
    R"(( always| often| usually| typically| just| will| would| going to| are going to| is going to|)"
    R"( tend to| love to| like to| want to| immediately| reflexively| instinctively)* )"
    R"((blame|jump|reach|obsess|throw|wave|preach|push|recommend|suggest|say|tell|assume|expect|think|claim|believe|)"
    R"(default|hear|insist|fixate|worry|talk|reach|rush|go straight)\w*( (to|for|over|about|at|on))?)"
    R"(|\b(the|a) (first|obvious|natural|usual|standard|textbook|by-the-book|knee-?jerk|default|)"
    R"(recommended|polished|classic|sensible|sensible-sounding|expected|official|conventional|)"
    R"(responsible|safe|interview|best-practice|by the book|right|correct|proper) )"
    R"((instinct|reaction|answer|move|reflex|advice|response|suggestion|checklist|list|playbook|)"
    R"(runbook|approach|plan|recipe|toolbox|mantra|way)s?( here)?( is| would be| says| goes)?( to)?\b)"
    R"(|\bconventional wisdom( says| is)?\b)";

// Sarcasm that opens a sentence: what it then lists is mocked, not proposed.
const char kSarcasm[] =
    R"(^((oh|ah|yeah) (sure|great|yes|right|good|lovely)|sure,? let's|great,? let's|right,? let's|)"
    R"(yeah,? let's|yes,? let's|let's just|because obviously|oh,? let's)\b)";

// Agreement with what was attributed: "the textbook answer is X, and that's what I'd do".
const char kAgreement[] =
    R"(\b(and|which) (that's|that is|it's|it is) (exactly |also |precisely )?(what i'd|what i would|)"
    R"(what we'd|right|correct|the right call|my answer|my plan)|\bi agree\b|\band rightly so\b|)"
    R"(\band they'?re right\b)";

const char kContrast[] =
    R"(\b(but|however|yet|though|whereas|in practice|in reality|the reality is|realistically|)"
    R"(actually|the truth is|in my experience)\b)";

// Verbs that reject their object when the speaker uses them ("i'd skip", "rule out").
const char kRejectionVerb[] =
    R"(\b(skip|drop|ditch|avoid|forget|reject|abandon|ignore|scrap|eschew|forgo|forego|)"
    R"(rule out|ruled out|ruling out|stay away|steer clear|leave|leaving|do without|get rid|give up|)"
    R"(pass on|bother)\w*)";

// The patterns are the library's own: one that does not compile is a bug, found by the first test.
const RE2& Compiled(const char* pattern) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  const RE2* re = new RE2(pattern, options);
  if (!re->ok()) std::abort();
  return *re;
}

const RE2& Dismissal() {
  static const RE2& re = Compiled(kDismissal);
  return re;
}

size_t StartOf(const RE2& re, std::string_view text, size_t* end = nullptr) {
  re2::StringPiece match;
  const re2::StringPiece input(text.data(), text.size());
  if (!re.Match(input, 0, input.size(), RE2::UNANCHORED, &match, 1)) return std::string_view::npos;
  if (end) *end = static_cast<size_t>(match.data() + match.size() - input.data());
  return static_cast<size_t>(match.data() - input.data());
}

}  // namespace

size_t FindDismissal(std::string_view text) { return StartOf(Dismissal(), text); }

Concession ConcessionIn(std::string_view text) {
  static const RE2& strong = Compiled(kStrongConcession);
  static const RE2& weak = Compiled(kWeakConcession);
  if (StartOf(strong, text) != std::string_view::npos) return Concession::kStrong;
  if (StartOf(weak, text) != std::string_view::npos) return Concession::kWeak;
  return Concession::kNone;
}

size_t AttributionEnd(std::string_view text) {
  static const RE2& re = Compiled(kAttribution);
  size_t end = 0;
  return StartOf(re, text, &end) == std::string_view::npos ? std::string_view::npos : end;
}

bool IsSarcastic(std::string_view sentence) {
  static const RE2& re = Compiled(kSarcasm);
  return StartOf(re, sentence) != std::string_view::npos;
}

bool Agrees(std::string_view text) {
  static const RE2& re = Compiled(kAgreement);
  return StartOf(re, text) != std::string_view::npos;
}

size_t FindContrast(std::string_view text) {
  static const RE2& re = Compiled(kContrast);
  return StartOf(re, text);
}

bool TellsThePast(std::string_view text) {
  static const RE2& re = Compiled(
      R"(\b(was|were|wasn't|weren't|turned out|proved|ended up|became|had been|had become)\b)");
  return StartOf(re, text) != std::string_view::npos;
}

bool MayDismiss(std::string_view text) {
  static const RE2& re = Compiled(
      (std::string("(?:") + kDismissal + ")|(?:" + kStrongConcession + ")|(?:" + kWeakConcession +
       ")|(?:" + kAttribution + ")|(?:" + kRejectionVerb + ")|(?:" + kSarcasm + ")").c_str());
  return StartOf(re, text) != std::string_view::npos;
}

}  // namespace rubric::internal
