// Scorer: scores answers against the rubrics of one bank. Each question's patterns are compiled into
// one matcher when it is first scored (the bank-wide tables for off-topic answers when first
// needed), or all at once by CompileAll, and released again by ReleaseIdle. Every method is const
// and safe to call from many threads at once.
//   auto scorer = rubric::Scorer::Compile(bank, &status);
//   rubric::Result r;
//   if (scorer->Score("payment-race-condition", answer, &r).ok()) ...
#ifndef RUBRIC_SCORER_H_
#define RUBRIC_SCORER_H_

#include <memory>
#include <string>

#include "rubric/bank.h"
#include "rubric/result.h"
#include "rubric/status.h"

namespace rubric {

// Longest answer accepted, in characters (Unicode code points).
constexpr size_t kMaxAnswerChars = 20000;

class Scorer {
 public:
  // A scorer for `bank` that compiles each part on first use: fast to create, so a process that
  // scores one question compiles only that one. `bank` must outlive the scorer. Answers longer
  // than `max_answer_chars` are refused.
  static std::unique_ptr<Scorer> Open(const Bank& bank, size_t max_answer_chars = kMaxAnswerChars);
  // Open, then CompileAll: nullptr and the problems in `status` when a pattern does not compile.
  static std::unique_ptr<Scorer> Compile(const Bank& bank, Status* status,
                                         size_t max_answer_chars = kMaxAnswerChars);
  ~Scorer();

  // Compiles every part not compiled yet (a server calls it in the background once it is up);
  // the problems of every pattern that does not compile. Safe to call while scoring.
  Status CompileAll() const;
  // Frees the matcher of every question not scored since the previous call (a server calls it
  // every few minutes, so that a bank's idle memory stays small); it compiles again when next
  // scored, with the same results. Returns how many were freed. A score in progress is never
  // slowed: if scores keep running for a whole second, nothing is freed this time.
  int ReleaseIdle() const;

  // Scores `answer` (any bytes: invalid UTF-8 is repaired) for the question `question_id` (id or
  // number). Errors: unknown question, answer over the limit, the question's patterns do not
  // compile (a bank from LoadBank has none that do not).
  Status Score(const std::string& question_id, const std::string& answer, Result* result) const;

  // Scores `answer` together with the candidate's `follow_up` to a probe. Concepts first credited in
  // the follow-up count at kFollowUpRate: prompted is worth less than volunteered.
  Status ScoreWithFollowUp(const std::string& question_id, const std::string& answer,
                           const std::string& follow_up, Result* result) const;
  static constexpr double kFollowUpRate = 0.5;

  const Bank& bank() const;

 private:
  Status ScoreImpl(const std::string& question_id, const std::string& answer,
                   const std::string* follow_up, Result* result) const;
  struct Impl;
  explicit Scorer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace rubric

#endif  // RUBRIC_SCORER_H_
