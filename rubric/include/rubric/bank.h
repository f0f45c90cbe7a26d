// A question bank: the questions of one directory, with their frameworks and rubrics, as plain data.
// LoadBank validates everything and either returns a whole bank or every problem it found, never a
// half-loaded bank. A loaded Bank is immutable and safe to share between threads.
#ifndef RUBRIC_BANK_H_
#define RUBRIC_BANK_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "rubric/status.h"

namespace rubric {

struct Step {
  std::string id, name, description;
  std::string probe;  // follow-up question when the step is missing
  std::string hint;   // one-line study hint
  // Kinds of concrete detail that count towards the step ("team", "money", "durations", "dates",
  // "quantities"): a Situation or Impact told with real figures is covered by them.
  std::vector<std::string> concrete;
};

struct Competency {
  std::string id, name, description;
  std::vector<std::string> concepts;  // concept ids that evidence it
};

struct Concept {
  std::string id, name;
  std::vector<std::string> steps;  // framework step ids it is evidence for
  int weight = 2;                  // 1 supporting detail, 2 expected, 3 heart of the step
  std::vector<std::string> patterns;
};

struct RedFlag {
  std::string id, name;
  std::vector<std::string> patterns;
  double penalty = 1.0;
  std::string feedback;
};

// A conclusion a confident candidate is likely to reach that is wrong for this scenario: the wrong
// layer blamed, a fix that misses the cause, a risky big-bang move. Proposing it (not dismissing it,
// not naming it as a rejected option) caps the answer, whatever else it names.
struct WrongConclusion {
  std::string id, name;
  std::vector<std::string> patterns;
  std::string feedback;  // why it is wrong here
};

struct Rubric {
  std::string version;
  bool derived = false;  // true when built from the model answer, not written by hand
  std::vector<Concept> concepts;
  std::vector<RedFlag> red_flags;
  std::vector<WrongConclusion> wrong_conclusions;
};

struct Rationale {
  std::string title, text;
};

struct Question {
  int number = 0;
  std::string id, title, difficulty, role, level;
  std::vector<std::string> company_examples;
  std::string question, scenario;
  std::vector<std::string> constraints;
  std::string tests_summary, interviewer_goal;
  std::vector<Competency> competencies;
  std::string framework_name;
  std::vector<Step> steps;
  std::vector<std::string> key_principles;
  std::string model_answer;
  double reference_score = -1;  // the source's score for the model answer; -1 when not given
  std::vector<Rationale> score_rationale;
  std::vector<std::string> key_terms;
  // Other right answers in other words. A short-answer bank's word overlap credits an answer by
  // the closest of the model answer and these.
  std::vector<std::string> accepted_answers;
  int time_limit_minutes = 0;  // 0: no limit; the chat shows a countdown otherwise
  Rubric rubric;
  std::string file;  // file name inside the bank directory

  const Step* FindStep(const std::string& step_id) const;
};

// How long a good answer is: an interview answer (about 200 words, depth counts) or a short
// exam-style answer of one to three sentences, where only the content counts.
enum class AnswerStyle { kInterview, kShort };

struct Bank {
  std::string name, description, directory;
  AnswerStyle answer_style = AnswerStyle::kInterview;
  std::vector<std::vector<std::string>> synonyms;  // extra synonym groups from bank.json
  std::vector<Question> questions;                 // in `number` order
  // Set by LoadBank(kNow), which has compiled each hand-written pattern alone to check it; the
  // scorer then checks only derived patterns, and every pattern of a bank built any other way.
  bool patterns_checked = false;

  // Accepts an id ("payment-race-condition") or a number ("4"); nullptr when unknown.
  const Question* Find(const std::string& id_or_number) const;
  // "1 architectural-time-bomb, 2 ..." for error messages.
  std::string ValidIds() const;
};

// Whether loading compiles every pattern to check it (kNow), or leaves that to the scorer, which
// reports a question's pattern that does not compile when the question is first scored
// (kWhenScored: a one-shot command that scores one question skips compiling the others twice).
enum class PatternCheck { kNow, kWhenScored };

// Loads and validates every question file of `directory`, parsing files on up to one thread per
// core. Rubrics missing from a question are derived from its model answer (see derive.h).
std::optional<Bank> LoadBank(const std::string& directory, Status* status,
                             PatternCheck check = PatternCheck::kNow);

// Parses one question from JSON text; `file` names it in problems. Used by LoadBank and the fuzzers.
std::optional<Question> ParseQuestion(const std::string& json_text, const std::string& file,
                                      std::vector<Problem>* problems,
                                      PatternCheck check = PatternCheck::kNow);

// The question in the bank file format (docs/content-format.md); without `rubric` when
// `with_rubric` is false, and without `model_answer` when `with_model_answer` is false.
nlohmann::json ToJson(const Question& question, bool with_rubric = true,
                      bool with_model_answer = true);

}  // namespace rubric

#endif  // RUBRIC_BANK_H_
