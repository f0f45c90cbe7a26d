// The scorer's global constants, in one place so calibration changes one file. Tuned on the seed
// bank's calibration answers and Mohler assignments 1-4 only (docs/scoring.md).
#ifndef RUBRIC_SRC_PARAMS_H_
#define RUBRIC_SRC_PARAMS_H_

namespace rubric::internal {

struct Params {
  // A step is fully covered when its credited concept weight reaches this share of the weight of
  // all its concepts, but never less than kStepNeedMin.
  static constexpr double kStepNeedShare = 0.5;
  static constexpr double kStepNeedMin = 2.5;
  // Score = (attempt + kSpan * (kCoverageWeight * coverage^kCoverageExponent
  //          + (1 - kCoverageWeight) * depth)) * length factor,
  // where attempt = kAttempt * min(1, words / kAttemptWords): a strict interviewer still gives a
  // little for an on-topic attempt (an off-topic one is capped below it anyway).
  static constexpr double kAttempt = 1.0;
  static constexpr double kAttemptWords = 40;
  static constexpr double kSpan = 8.5;
  static constexpr double kCoverageWeight = 0.8;
  static constexpr double kCoverageExponent = 0.7;
  // A strict interviewer keeps 10 for the exceptional: above kTopKnee the score rises at kTopSlope.
  static constexpr double kTopKnee = 8.5;
  static constexpr double kTopSlope = 0.5;
  // A concept told in the candidate's own words (meaning.h), not by its patterns, earns this share.
  static constexpr double kMeaningRate = 0.75;
  // Each kind of concrete detail a step names (rubric.steps[].concrete), found in a statement, is
  // worth this much concept weight towards the step.
  static constexpr double kConcreteWeight = 1.0;
  // A concept named only inside a term list earns this share of its weight.
  static constexpr double kListedRate = 0.2;
  // Depth counts fully only once coverage reaches this: numbers about nothing are worth nothing.
  static constexpr double kDepthNeedsCoverage = 0.5;
  // Length factor: (words / kFullLengthWords) ^ kLengthExponent, at most 1.
  static constexpr double kFullLengthWords = 200;
  static constexpr double kLengthExponent = 0.25;
  // Short answers: the score is at most kShortBase + kShortPerWord * words.
  static constexpr double kShortBase = 1.0;
  static constexpr double kShortPerWord = 0.15;
  static constexpr int kTooShortWords = 50;
  // Keyword salad: capped at kSaladCap; at kTermsOnlyCap when nothing is credited in a statement and
  // kTermsOnlyWordShare of the words are in term lists (a list of terms and nothing else).
  static constexpr double kSaladCap = 2.5;
  static constexpr double kTermsOnlyCap = 1.0;
  static constexpr double kTermsOnlyWordShare = 0.8;
  static constexpr int kSaladMinListed = 3;
  static constexpr double kSaladListWordShare = 0.5;
  static constexpr double kSaladMinWordsPerConcept = 7.0;
  // ... or than this share of the model answer's own words per concept, when that is lower.
  static constexpr double kSaladModelShare = 0.5;
  // Off-topic: capped at kOffTopicCap when another question's topic coverage is at least
  // kOffTopicMinOther and this question's is below kOffTopicRatio of it.
  static constexpr double kOffTopicCap = 1.0;
  static constexpr double kOffTopicMinOther = 0.2;
  static constexpr double kOffTopicRatio = 0.5;
  // Denial: capped at kDenialCap when at least kDenialMinSentences statements, and kDenialShare
  // of all, open with a negation. Real answers, strong or weak, stay under a quarter (measured
  // on the calibration and probe answers: at most 0.5 in answers of two sentences).
  static constexpr double kDenialCap = 2.0;
  static constexpr int kDenialMinSentences = 5;
  static constexpr double kDenialShare = 0.6;
  // Scrambled reference: capped at kSaladCap when, in an answer of at least kScrambledMinWords
  // (interview style; StyleParams::scrambled_min_words), kScrambledModelWordShare of the words are
  // the model answer's but under kScrambledModelPairShare of adjacent pairs are. Measured:
  // shuffled model answers 0.91-1.00 and 0.01-0.09; the calibration and probe answers at most
  // 0.77 of their words.
  static constexpr int kScrambledMinWords = 40;
  static constexpr double kScrambledModelWordShare = 0.85;
  static constexpr double kScrambledModelPairShare = 0.25;
  // A sentence echoes the question when this share of its content words (at least
  // kEchoMinWords of them) appear in the question's own text.
  static constexpr double kEchoShare = 0.85;
  static constexpr int kEchoMinWords = 6;
  // Rejecting the right approach: capped at kDismissedCap when the concepts an answer names only to
  // reject weigh at least kDismissedMinWeight and kDismissedShare of all it names (rejected and
  // credited). Measured on the dev set's tune half: dismissive answers 0.38-1.0, every other
  // answer at most 0.32 (a terse note rejecting two of fifteen).
  static constexpr double kDismissedCap = 2.0;
  static constexpr double kDismissedMinWeight = 3;
  static constexpr double kDismissedShare = 0.35;
  // Hedging: capped at kHedgedCap when at least kHedgedMinStatements statements, and kHedgedShare
  // of all, hedge (hedge.h). Measured on the dev set's tune half: hedged answers 0.80-1.0 of their
  // statements, every other answer of four or more statements at most 0.5 (non-native and shallow
  // answers); graders give hedged answers 2.8-3.5.
  static constexpr double kHedgedCap = 3.5;
  static constexpr int kHedgedMinStatements = 4;
  static constexpr double kHedgedShare = 0.65;
  // Focus: a long answer whose credited points are spread thin buries them in digressions, and
  // graders mark it down. The score is multiplied by 1 - kFocusLoss * ramp(words) * ramp(words per
  // credited concept) * ramp(1 - coverage), each ramp rising from 0 to 1 across its [Low, High]. Measured on the tune half and a blind training set: expert answers of 330-390
  // words carry at most 33 words per credited concept, rambling ones of 440-540 words 45-112;
  // graders put rambling answers 1.4 below the scorer on average. The ramp of the framework left
  // uncovered (1 - overall coverage) spares the complete answer that is long because it is
  // thorough: the seed model answers run to 1,350 words (code included) at 0.86-1.0 coverage,
  // rambling answers cover 0.17-0.93.
  static constexpr double kFocusLoss = 0.2;
  static constexpr double kFocusUncoveredLow = 0.05, kFocusUncoveredHigh = 0.2;
  static constexpr double kFocusWordsLow = 350, kFocusWordsHigh = 400;
  static constexpr double kFocusPerConceptLow = 35, kFocusPerConceptHigh = 45;
  // A wrong conclusion for the scenario (rubric.wrong_conclusions), proposed rather than dismissed.
  static constexpr double kWrongConclusionCap = 2.0;
  // Step status thresholds.
  static constexpr double kCovered = 0.75;
};

// What depends on how long a good answer is (bank.json "answer_style"). An interview answer is
// judged on about 200 words with depth; a short exam-style answer (one to three sentences) only on
// its content, so neither length nor depth may cost it anything.
struct StyleParams {
  double step_need_share, step_need_min;
  double attempt, attempt_words;
  double coverage_weight, coverage_exponent;
  double full_length_words;
  int too_short_words;
  // Questions of a short-answer bank are usually one course's, sharing its vocabulary, so "fits
  // another question better" says little; an answer without this question's ideas scores low anyway.
  bool off_topic;
  // A short answer may be a phrase ("log n", "the leaves") and still be right.
  bool fragments_count;
  // From how many words an answer reusing the model answer's words out of order is caught. A
  // short answer of a few words rightly reuses a one-sentence reference's words in an order of its
  // own ("to pop elements then push them back"); from 8 words none of Mohler's 2,264 answers is
  // caught, and 2 in 3 shuffled references are.
  int scrambled_min_words;
  // Coverage is the mean over the steps, moved this share of the way to the best-covered step:
  // a short answer making one of a reference's points well has answered.
  double best_step_share;
  // The content part of the score blends coverage^coverage_exponent with the answer's word
  // overlap with the model answer (similarity.h) at this weight: the overlap still credits the
  // reference's vocabulary where a derived rubric's steps ask for more than a short answer says.
  double overlap_weight;
  // An interview answer is judged on its delivery too (hedged throughout, points buried in
  // digressions); a short exam answer on its content alone.
  bool judges_delivery;
};

constexpr StyleParams kInterviewStyle = {Params::kStepNeedShare, Params::kStepNeedMin,
                                         Params::kAttempt,       Params::kAttemptWords,
                                         Params::kCoverageWeight, Params::kCoverageExponent,
                                         Params::kFullLengthWords, Params::kTooShortWords, true, false,
                                         Params::kScrambledMinWords, 0.0, 0.0, true};
// Tuned on Mohler assignments 1-4 only (docs/scoring.md).
constexpr StyleParams kShortStyle = {0.7, 1.0, 3.0, 10, 1.0, 0.5, 1.0, 0, false, true, 8, 0.25, 0.6, false};

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_PARAMS_H_
