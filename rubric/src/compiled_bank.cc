#include "compiled_bank.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "analysis.h"
#include "depth.h"
#include "derive_words.h"
#include "stance.h"
#include "params.h"
#include "text.h"

namespace rubric::internal {

const StyleParams& Style(const Bank& bank) {
  return bank.answer_style == AnswerStyle::kShort ? kShortStyle : kInterviewStyle;
}

namespace {

// The concepts the model answer names only where it negates them ("constructors do not have a
// return type"): an answer negating them agrees with it.
std::vector<bool> NegatedInModel(const Question& q, const QuestionTables& t) {
  const Analysis model = Analyse(RepairUtf8(q.model_answer));
  const auto hits = MatchSentences(model, t.patterns);
  std::vector<bool> negated(q.rubric.concepts.size(), false), affirmed(negated);
  for (size_t si = 0; si < model.sentences.size(); ++si) {
    const std::string_view text = model.SentenceText(si);
    for (int p : hits[si]) {
      const PatternOwner& owner = t.owners[p];
      size_t b = 0, e = 0;
      if (owner.kind != PatternOwner::kConcept || !t.patterns.Find(p, text, &b, &e)) continue;
      (MayReject(text) && RejectsMention(text, b, e) ? negated : affirmed)[owner.item] = true;
    }
  }
  for (size_t ci = 0; ci < negated.size(); ++ci) negated[ci] = negated[ci] && !affirmed[ci];
  return negated;
}

// Everything question `q` is about, as text: what is asked, the model answer, concepts and steps.
std::string TopicText(const Question& q) {
  std::string text = q.title + " " + q.question + " " + q.scenario + " " + q.model_answer;
  for (const auto& c : q.constraints) text += " " + c;
  for (const auto& s : q.steps) text += " " + s.name + " " + s.description;
  for (const auto& c : q.rubric.concepts) text += " " + c.name;
  return text;
}

// Each question's topic stems weighted by inverse document frequency over the bank's questions.
std::vector<std::unordered_map<std::string, double>> TopicStems(const Bank& bank) {
  std::vector<std::string> texts;
  for (const auto& q : bank.questions) texts.push_back(TopicText(q));
  const std::map<std::string, int> df = DocumentFrequency(texts);
  const double n = static_cast<double>(bank.questions.size());
  std::vector<std::unordered_map<std::string, double>> stems(texts.size());
  for (size_t qi = 0; qi < texts.size(); ++qi) {
    for (const auto& stem : ContentStems(texts[qi])) {
      stems[qi][stem] = std::log((n + 1) / df.at(stem));
    }
  }
  return stems;
}

std::string Field(const char* list, size_t item, size_t pattern) {
  return std::string("rubric.") + list + "[" + std::to_string(item) + "].patterns[" +
         std::to_string(pattern) + "]";
}

// Adds `pattern` to `set` and its owner to `owners`, or the reason it does not compile to
// `problems`. The set's parser finds syntax errors; `check_alone` also checks its size alone,
// unless the bank's loader did that already.
void AddPattern(PatternSet* set, std::vector<PatternOwner>* owners, const std::string& pattern,
                PatternOwner owner, bool check_alone, const std::string& file,
                const std::string& field, std::vector<Problem>* problems) {
  std::string error;
  if (set->Add(pattern, &error) < 0 || (check_alone && !PatternSet::CheckSize(pattern, &error))) {
    problems->push_back({file, field, "does not compile as RE2: " + error});
    return;
  }
  owners->push_back(owner);
}

}  // namespace

CompiledBank::CompiledBank(const Bank& b)
    : bank(&b),
      compiled_(new std::atomic<bool>[b.questions.size()]()),
      used_(new std::atomic<bool>[b.questions.size()]()),
      compile_mu_(new std::mutex[b.questions.size()]),
      question_problems_(b.questions.size()),
      synonyms_(std::make_unique<SynonymTable>(b.synonyms)) {
  const StyleParams& style = Style(b);
  if (style.overlap_weight > 0) {
    std::vector<std::string> answers;
    for (const auto& q : b.questions) answers.push_back(q.model_answer);
    model_df_ = DocumentFrequency(answers);
  }
  for (const Question& q : b.questions) {
    auto t = std::make_unique<QuestionTables>();
    std::vector<double> step_total(q.steps.size(), 0.0);
    for (const Concept& c : q.rubric.concepts) {
      std::vector<int> steps;
      for (const auto& id : c.steps) {
        for (size_t si = 0; si < q.steps.size(); ++si) {
          if (q.steps[si].id == id) {
            steps.push_back(static_cast<int>(si));
            step_total[si] += c.weight;
          }
        }
      }
      t->concept_steps.push_back(std::move(steps));
    }
    for (double total : step_total) {
      t->step_need.push_back(std::max(style.step_need_min, style.step_need_share * total));
    }
    tables_.push_back(std::move(t));
  }
}

CompiledBank::~CompiledBank() = default;

std::unique_ptr<CompiledBank> CompiledBank::Build(const Bank& bank, Status* status) {
  auto cb = std::make_unique<CompiledBank>(bank);
  *status = cb->CompileAll();
  if (!status->ok()) return nullptr;
  return cb;
}

const QuestionTables& CompiledBank::Tables(int qi, Status* status) const {
  used_[qi].store(true, std::memory_order_relaxed);
  if (!compiled_[qi].load(std::memory_order_acquire)) {
    std::lock_guard<std::mutex> lock(compile_mu_[qi]);
    if (!compiled_[qi].load(std::memory_order_relaxed)) {
      CompileQuestion(qi);
      compiled_[qi].store(true, std::memory_order_release);
    }
  }
  *status = question_problems_[qi].empty() ? Status() : Status::Errors(question_problems_[qi]);
  return *tables_[qi];
}

const OffTopicTables& CompiledBank::OffTopic() const {
  std::call_once(off_topic_once_, [&] { CompileOffTopic(); });
  return *off_topic_;
}

Status CompiledBank::CompileAll() const {
  const auto hold = Hold();
  std::vector<Problem> problems;
  for (size_t qi = 0; qi < tables_.size(); ++qi) {
    Status status;
    Tables(static_cast<int>(qi), &status);
    problems.insert(problems.end(), status.problems().begin(), status.problems().end());
  }
  OffTopic();
  return problems.empty() ? Status() : Status::Errors(std::move(problems));
}

bool QuestionTables::NegatedInModel(int concept) const {
  std::call_once(negated_once, [this] { negated_in_model = internal::NegatedInModel(*question, *this); });
  return negated_in_model[concept];
}

std::shared_lock<std::shared_timed_mutex> CompiledBank::Hold() const {
  return std::shared_lock<std::shared_timed_mutex>(hold_mu_);
}

int CompiledBank::ReleaseIdle() const {
  std::unique_lock<std::shared_timed_mutex> lock(hold_mu_, std::chrono::seconds(1));
  if (!lock.owns_lock()) return 0;
  int released = 0;
  for (size_t qi = 0; qi < tables_.size(); ++qi) {
    if (compiled_[qi].load() && !used_[qi].load()) {
      // What is known from the bank alone stays; everything CompileQuestion built goes.
      auto fresh = std::make_unique<QuestionTables>();
      fresh->concept_steps = std::move(tables_[qi]->concept_steps);
      fresh->step_need = std::move(tables_[qi]->step_need);
      tables_[qi] = std::move(fresh);
      question_problems_[qi].clear();
      compiled_[qi].store(false);
      ++released;
    }
    used_[qi].store(false);
  }
  return released;
}

void CompiledBank::CompileQuestion(int qi) const {
  const Question& q = bank->questions[qi];
  QuestionTables& t = *tables_[qi];
  std::vector<Problem>& problems = question_problems_[qi];
  const StyleParams& style = Style(*bank);
  const bool check = !bank->patterns_checked || q.rubric.derived;
  for (size_t ci = 0; ci < q.rubric.concepts.size(); ++ci) {
    const Concept& c = q.rubric.concepts[ci];
    for (size_t pi = 0; pi < c.patterns.size(); ++pi) {
      AddPattern(&t.patterns, &t.owners, c.patterns[pi],
                 {qi, PatternOwner::kConcept, static_cast<int>(ci)}, check, q.file,
                 Field("concepts", ci, pi), &problems);
    }
  }
  for (size_t fi = 0; fi < q.rubric.red_flags.size(); ++fi) {
    const RedFlag& f = q.rubric.red_flags[fi];
    for (size_t pi = 0; pi < f.patterns.size(); ++pi) {
      AddPattern(&t.patterns, &t.owners, f.patterns[pi],
                 {qi, PatternOwner::kRedFlag, static_cast<int>(fi)}, check, q.file,
                 Field("red_flags", fi, pi), &problems);
    }
  }
  for (size_t wi = 0; wi < q.rubric.wrong_conclusions.size(); ++wi) {
    const WrongConclusion& w = q.rubric.wrong_conclusions[wi];
    for (size_t pi = 0; pi < w.patterns.size(); ++pi) {
      AddPattern(&t.patterns, &t.owners, w.patterns[pi],
                 {qi, PatternOwner::kWrongConclusion, static_cast<int>(wi)}, check, q.file,
                 Field("wrong_conclusions", wi, pi), &problems);
    }
  }
  for (int k = 0; k < kDepthKinds; ++k) {
    AddPattern(&t.patterns, &t.owners, DepthPattern(static_cast<DepthKind>(k)),
               {qi, PatternOwner::kDepth, k}, false, "depth.cc", "depth pattern", &problems);
  }
  if (!problems.empty()) return;
  if (!t.patterns.Compile()) {
    problems.push_back({q.file, "", "the question's patterns could not be compiled together"});
    return;
  }
  const NormalizedText model = Normalize(RepairUtf8(q.model_answer));
  const auto model_text = Words(model.text);
  for (size_t i = 0; i < model_text.size(); ++i) {
    t.model_words.insert(WordHash(model_text[i]));
    if (i > 0) t.model_pairs.insert(PairHash(model_text[i - 1], model_text[i]));
  }
  const double model_words = model_text.size();
  t.salad_words_per_concept =
      std::min(Params::kSaladMinWordsPerConcept,
               Params::kSaladModelShare * model_words / std::max<size_t>(1, q.rubric.concepts.size()));
  std::string own_text = q.title + " " + q.question + " " + q.scenario;
  for (const auto& c : q.constraints) own_text += " " + c;
  if (style.overlap_weight > 0) {
    std::vector<std::string> references = {q.model_answer};
    references.insert(references.end(), q.accepted_answers.begin(), q.accepted_answers.end());
    t.model_vocabulary = std::make_unique<ModelVocabulary>(
        references, own_text, model_df_, static_cast<int>(bank->questions.size()));
  }
  t.meanings = std::make_unique<ConceptMeanings>(q, *synonyms_);
  const NormalizedText norm = Normalize(RepairUtf8(own_text));
  for (auto w : Words(norm.text)) {
    if (!IsStopWord(w)) t.vocabulary.emplace(w);
  }
  t.question = &q;
}

void CompiledBank::CompileOffTopic() const {
  auto off = std::make_unique<OffTopicTables>();
  off->topic_stems = TopicStems(*bank);
  off_topic_ = std::move(off);
}

size_t WordHash(std::string_view word) { return std::hash<std::string_view>()(word); }

size_t PairHash(std::string_view first, std::string_view second) {
  return WordHash(first) * 1000003u ^ WordHash(second);
}

}  // namespace rubric::internal
