#include "rubric/scorer.h"

#include "analysis.h"
#include "compiled_bank.h"
#include "evaluate.h"
#include "text.h"

namespace rubric {

struct Scorer::Impl {
  std::unique_ptr<internal::CompiledBank> compiled;
  size_t max_answer_chars;
};

Scorer::Scorer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Scorer::~Scorer() = default;

std::unique_ptr<Scorer> Scorer::Open(const Bank& bank, size_t max_answer_chars) {
  auto impl = std::make_unique<Impl>();
  impl->compiled = std::make_unique<internal::CompiledBank>(bank);
  impl->max_answer_chars = max_answer_chars;
  return std::unique_ptr<Scorer>(new Scorer(std::move(impl)));
}

std::unique_ptr<Scorer> Scorer::Compile(const Bank& bank, Status* status,
                                        size_t max_answer_chars) {
  auto scorer = Open(bank, max_answer_chars);
  *status = scorer->CompileAll();
  if (!status->ok()) return nullptr;
  return scorer;
}

Status Scorer::CompileAll() const { return impl_->compiled->CompileAll(); }

int Scorer::ReleaseIdle() const { return impl_->compiled->ReleaseIdle(); }

const Bank& Scorer::bank() const { return *impl_->compiled->bank; }

namespace {

Status CheckAnswer(const std::string& field, const std::string& repaired, size_t limit) {
  const size_t chars = internal::CountCodePoints(repaired);
  if (chars > limit) {
    return Status::Error(field, field,
                         "is " + std::to_string(chars) + " characters; the limit is " +
                             std::to_string(limit));
  }
  return Status();
}

}  // namespace

Status Scorer::Score(const std::string& question_id, const std::string& answer,
                     Result* result) const {
  return ScoreImpl(question_id, answer, nullptr, result);
}

Status Scorer::ScoreWithFollowUp(const std::string& question_id, const std::string& answer,
                                 const std::string& follow_up, Result* result) const {
  return ScoreImpl(question_id, answer, &follow_up, result);
}

Status Scorer::ScoreImpl(const std::string& question_id, const std::string& answer,
                         const std::string* follow_up, Result* result) const {
  const Bank& b = bank();
  const Question* q = b.Find(question_id);
  if (!q) {
    return Status::Error("question", "question",
                         "unknown question \"" + question_id + "\"; valid: " + b.ValidIds());
  }
  const int index = static_cast<int>(q - b.questions.data());
  const auto& compiled = *impl_->compiled;
  const auto hold = compiled.Hold();
  Status status;
  compiled.Tables(index, &status);
  if (!status.ok()) return status;
  std::string repaired = internal::RepairUtf8(answer);
  status = CheckAnswer("answer", repaired, impl_->max_answer_chars);
  if (!status.ok()) return status;
  std::string repaired_follow_up;
  if (follow_up) {
    repaired_follow_up = internal::RepairUtf8(*follow_up);
    status = CheckAnswer("follow_up", repaired_follow_up, impl_->max_answer_chars);
    if (!status.ok()) return status;
  }
  const internal::Analysis main = internal::Analyse(std::move(repaired));
  if (!follow_up) {
    *result = internal::Evaluate(compiled, index, main, nullptr, kFollowUpRate);
    return Status();
  }
  const internal::Analysis extra = internal::Analyse(std::move(repaired_follow_up));
  *result = internal::Evaluate(compiled, index, main, &extra, kFollowUpRate);
  return Status();
}

}  // namespace rubric
