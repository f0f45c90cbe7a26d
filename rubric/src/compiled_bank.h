// CompiledBank: every pattern of a bank in one PatternSet, with the owner of each pattern and the
// per-question tables evaluation needs. Built once; immutable and thread-safe afterwards.
#ifndef RUBRIC_SRC_COMPILED_BANK_H_
#define RUBRIC_SRC_COMPILED_BANK_H_

#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "pattern_set.h"
#include "rubric/bank.h"
#include "rubric/status.h"

namespace rubric::internal {

struct PatternOwner {
  int question;
  bool red_flag;
  int item;  // concept or red flag index within the question's rubric
};

struct QuestionTables {
  std::vector<std::vector<int>> concept_steps;  // per concept: indices into question.steps
  std::vector<double> step_need;                // per step: credited weight that covers it fully
  std::unordered_set<std::string> vocabulary;   // content words of the question's own text
};

struct CompiledBank {
  const Bank* bank = nullptr;
  PatternSet patterns;
  std::vector<PatternOwner> owners;  // by pattern index
  std::vector<QuestionTables> tables;

  static std::unique_ptr<CompiledBank> Build(const Bank& bank, Status* status);
};

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_COMPILED_BANK_H_
