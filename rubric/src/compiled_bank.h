// CompiledBank: per question, its concept and red-flag patterns in one PatternSet with the tables
// evaluation needs; and the bank's topic words, for telling which question an off-topic answer
// fits. Each part is compiled on first use (a one-shot score needs one question, and all of them
// only for an answer that looks off-topic) or all at once by CompileAll, and a question's compiled
// part can be released again when idle (ReleaseIdle). Thread-safe: a question compiles under its
// own mutex and is immutable afterwards; readers hold Hold() while they use compiled parts.
#ifndef RUBRIC_SRC_COMPILED_BANK_H_
#define RUBRIC_SRC_COMPILED_BANK_H_

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "meaning.h"
#include "pattern_set.h"
#include "similarity.h"
#include "synonyms.h"
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
  // Known from the bank alone, without compiling: the bank-wide topic coverage needs them for
  // every question.
  std::vector<std::vector<int>> concept_steps;  // per concept: indices into question.steps
  std::vector<double> step_need;                // per step: credited weight that covers it fully

  // Compiled on first use of the question (CompiledBank::Tables).
  PatternSet patterns;  // the question's concept and red-flag patterns, then the depth kinds
  std::vector<PatternOwner> owners;  // by index in `patterns`
  std::unordered_set<std::string> vocabulary;   // content words of the question's own text
  // Hashes of the model answer's words and of its adjacent word pairs: an answer made nearly only
  // of its words but almost none of its pairs is the reference answer scrambled.
  std::unordered_set<size_t> model_words, model_pairs;
  // An answer naming concepts more densely than this is a keyword salad. Never stricter than the
  // model answer itself is: a derived rubric's concepts are single words, far denser than the
  // hand-written ones.
  double salad_words_per_concept = 0;
  // Whether the model answer itself names concept `concept` only in a negation ("constructors do
  // not have a return type"), so an answer negating it agrees with the model answer. Matched on
  // first call, which only an answer rejecting a concept's mention makes: matching the model
  // answer is a third of compiling a question.
  bool NegatedInModel(int concept) const;
  const Question* question = nullptr;
  mutable std::once_flag negated_once;
  mutable std::vector<bool> negated_in_model;
  // Set when the bank's style blends word overlap with the model answer into the score.
  std::unique_ptr<ModelVocabulary> model_vocabulary;
  // The concepts by their meaning, for statements that tell them in their own words.
  std::unique_ptr<ConceptMeanings> meanings;
};

// What telling an off-topic answer's better question needs besides each question's own patterns.
struct OffTopicTables {
  // Per question: the stems of everything it is about (its text, model answer, concepts and
  // steps), each weighted by how specific it is to this question in the bank: the topic an
  // answer's words fit.
  std::vector<std::unordered_map<std::string, double>> topic_stems;
};

class CompiledBank {
 public:
  // Prepares `bank` (which must outlive it) for compiling; compiles nothing yet.
  explicit CompiledBank(const Bank& bank);
  ~CompiledBank();
  // Compiles everything now; the problems of every pattern that does not compile.
  static std::unique_ptr<CompiledBank> Build(const Bank& bank, Status* status);

  const Bank* bank = nullptr;

  // Question qi's tables, compiled on first call; the problems of its patterns, if any, in
  // `status` (the tables are then incomplete and must not be used).
  const QuestionTables& Tables(int qi, Status* status) const;
  // Question qi's tables once Tables(qi, &status) returned ok: what evaluation reads.
  const QuestionTables& Table(int qi) const { return *tables_[qi]; }
  // The bank-wide topic tables, built on first call.
  const OffTopicTables& OffTopic() const;
  // Compiles every part not compiled yet; the problems of all of them.
  Status CompileAll() const;

  // Keeps compiled questions from being released while held: whoever calls Tables or Table holds
  // one for as long as it uses what they return (Scorer does, per score). Not reentrant.
  std::shared_lock<std::shared_timed_mutex> Hold() const;
  // Releases the compiled part of every question not used (Tables) since the previous call; they
  // compile again on next use. Returns how many were released. Waits at most a second for the
  // holders of the moment, then releases nothing; holders never wait for it except while it frees.
  int ReleaseIdle() const;

 private:
  void CompileQuestion(int qi) const;
  void CompileOffTopic() const;

  mutable std::vector<std::unique_ptr<QuestionTables>> tables_;
  std::unique_ptr<std::atomic<bool>[]> compiled_, used_;
  std::unique_ptr<std::mutex[]> compile_mu_;
  mutable std::shared_timed_mutex hold_mu_;
  mutable std::vector<std::vector<Problem>> question_problems_;
  mutable std::once_flag off_topic_once_;
  mutable std::unique_ptr<OffTopicTables> off_topic_;
  std::map<std::string, int> model_df_;  // model answers' document frequency (overlap styles)
  std::unique_ptr<SynonymTable> synonyms_;
};

size_t WordHash(std::string_view word);
size_t PairHash(std::string_view first, std::string_view second);

struct StyleParams;
// The parameters of the bank's answer style.
const StyleParams& Style(const Bank& bank);

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_COMPILED_BANK_H_
