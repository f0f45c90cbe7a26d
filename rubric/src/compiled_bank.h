// CompiledBank: per question, its concept and red-flag patterns in one PatternSet with the tables
// evaluation needs; and every concept pattern of the bank in one more set, for telling which
// question an off-topic answer fits. Built once; immutable and thread-safe afterwards.
#ifndef RUBRIC_SRC_COMPILED_BANK_H_
#define RUBRIC_SRC_COMPILED_BANK_H_

#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "meaning.h"
#include "pattern_set.h"
#include "similarity.h"
#include "rubric/bank.h"
#include "rubric/status.h"

namespace rubric::internal {

struct PatternOwner {
  enum Kind { kConcept, kRedFlag, kWrongConclusion, kDepth };
  int question;
  Kind kind;
  int item;  // concept, red flag or wrong conclusion index in the question's rubric, or the DepthKind
};

struct QuestionTables {
  PatternSet patterns;  // the question's concept and red-flag patterns, then the depth kinds
  std::vector<PatternOwner> owners;  // by index in `patterns`
  std::vector<std::vector<int>> concept_steps;  // per concept: indices into question.steps
  std::vector<double> step_need;                // per step: credited weight that covers it fully
  std::unordered_set<std::string> vocabulary;   // content words of the question's own text
  // Stems of everything the question is about (its text, model answer, concepts and steps), each
  // weighted by how specific it is to this question in the bank: the topic an answer's words fit.
  std::unordered_map<std::string, double> topic_stems;
  // Hashes of the model answer's words and of its adjacent word pairs: an answer made nearly only
  // of its words but almost none of its pairs is the reference answer scrambled.
  std::unordered_set<size_t> model_words, model_pairs;
  // An answer naming concepts more densely than this is a keyword salad. Never stricter than the
  // model answer itself is: a derived rubric's concepts are single words, far denser than the
  // hand-written ones.
  double salad_words_per_concept = 0;
  // Per concept: whether the model answer itself names it only in a negation ("constructors do
  // not have a return type"), so an answer negating it agrees with the model answer.
  std::vector<bool> negated_in_model;
  // Set when the bank's style blends word overlap with the model answer into the score.
  std::unique_ptr<ModelVocabulary> model_vocabulary;
  // The concepts by their meaning, for statements that tell them in their own words.
  std::unique_ptr<ConceptMeanings> meanings;
};

struct CompiledBank {
  const Bank* bank = nullptr;
  PatternSet concepts;                      // every concept pattern of the bank
  std::vector<PatternOwner> concept_owners;  // by index in `concepts`
  std::vector<std::unique_ptr<QuestionTables>> tables;

  static std::unique_ptr<CompiledBank> Build(const Bank& bank, Status* status);
};

size_t WordHash(std::string_view word);
size_t PairHash(std::string_view first, std::string_view second);

struct StyleParams;
// The parameters of the bank's answer style.
const StyleParams& Style(const Bank& bank);

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_COMPILED_BANK_H_
