// Result: everything the scorer says about one answer: the score, per-step coverage with the evidence
// that earned it, competencies, strengths, gaps ordered by points lost, and flags.
// A plain value; ToJson gives the stable JSON form used by the CLI, the API, Slack and storage, and
// ResultFromJson reads it back.
#ifndef RUBRIC_RESULT_H_
#define RUBRIC_RESULT_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "rubric/status.h"

namespace rubric {

// Where in the candidate's text a concept was credited. Offsets are bytes into the (UTF-8 repaired)
// text that was scored; `source` is "answer" or "follow_up".
struct Evidence {
  std::string concept_id, concept_name;
  size_t start = 0, end = 0;
  std::string quote;
  std::string source = "answer";
};

struct StepResult {
  std::string id, name;
  double coverage = 0;  // 0..1
  std::string status;   // "covered", "partial", "missing"
  std::vector<Evidence> evidence;
};

struct ConceptResult {
  std::string id, name;
  std::string status;  // "credited", "follow-up" (credited from the probe answer), "negated",
                       // "listed" (only in a term list), "missing"
  double credit = 0;   // 1 volunteered, Scorer::kFollowUpRate from a follow-up, else 0
};

struct CompetencyResult {
  std::string id, name;
  double coverage = 0;  // share of its concepts credited
  bool covered = false;
};

struct Gap {
  std::string kind;  // "step", "depth", "answer"
  std::string id, name;
  double points_lost = 0;
  std::string hint, probe;
};

struct FlagDetail {
  std::string flag;     // "keyword-salad", "negated", "off-topic", "too-short", "red-flag"
  std::string message;  // candidate-facing explanation
  std::string quote;    // the words that raised it, when there are some
};

// One line of how the score was built, in points: what it added (an attempt, a step's coverage,
// depth) or took away (length, the top of the scale, a red flag, a cap). The lines of a result
// add up to its score exactly, each at one decimal.
struct ScorePart {
  std::string kind;   // "attempt", "step", "depth", "length", "ceiling", "penalty", "cap", "floor"
  std::string id;     // the step, red flag or capping flag it is about, when there is one
  std::string label;  // for people: "Hypothesis Generation", "Capped: too-short"
  double points = 0;
  bool operator==(const ScorePart& o) const {
    return kind == o.kind && id == o.id && label == o.label && points == o.points;
  }
};

struct Depth {
  int numbers = 0, tradeoffs = 0, risks = 0, verification = 0;
  double score = 0;  // 0..1
};

struct Result {
  std::string question_id, rubric_version;
  double score = 0;  // 0.0..10.0, one decimal
  std::string band;
  int words = 0;
  std::vector<StepResult> steps;
  std::vector<ConceptResult> concepts;
  std::vector<CompetencyResult> competencies;
  Depth depth;
  std::vector<std::string> strengths;
  std::vector<Gap> gaps;  // largest points_lost first
  std::vector<std::string> flags;
  std::vector<FlagDetail> flag_details;
  std::vector<ScorePart> breakdown;  // adds up to `score`
  std::string off_topic_match;  // the question the answer fits better, when flagged off-topic
  bool follow_up = false;       // scored together with an answer to a probe
};

// Band for a score: "excellent" >= 8.5, "strong" >= 7, "fair" >= 5, "weak" >= 3, else "poor".
std::string BandFor(double score);

// Caps a scored result at `ceiling` (a hint was used, say): score, band, the flag with its message,
// and a "cap" line in the breakdown so that it still adds up. Nothing changes at or under it.
void ApplyCeiling(double ceiling, const std::string& flag, const std::string& message, Result* r);

nlohmann::json ToJson(const Result& result);
// The Result that ToJson wrote (a stored session's). Every field ToJson always writes is required
// but off_topic_match (written only when set) and breakdown (added after sessions were stored
// without it), and a field it does not write is a problem: a field added to Result and ToJson but
// not read here fails the round-trip test (tests/rubric/result_test.cc) instead of vanishing from
// stored sessions. A field added later must be read as optional, since documents stored before
// lack it. *out is only complete when the Status is ok.
Status ResultFromJson(const nlohmann::json& json, Result* out);

}  // namespace rubric

#endif  // RUBRIC_RESULT_H_
