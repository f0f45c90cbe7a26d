// Adversarial answers generated from a question's own rubric and text: its terms as a list, the
// model answer's words shuffled, the question echoed back, the model answer's sentences negated.
// None of them knows anything, so none may score above kAttackPassScore. Deterministic (fixed
// seeds); pure function; thread-safe.
#ifndef BOT_AUTHORING_ATTACK_H_
#define BOT_AUTHORING_ATTACK_H_

#include <string>
#include <vector>

#include "rubric/bank.h"

namespace bot {

constexpr double kAttackPassScore = 3.0;

struct Attack {
  std::string kind;    // term-list, term-lines, term-sentence, shuffled-1.., echo, negated, ...
  std::string answer;
};

std::vector<Attack> MakeAttacks(const rubric::Question& question);

// A sentence's negation: "not" after an auxiliary among its first six words and before any comma
// (the main verb's), else "It is not true that ..."; exposed for tests.
std::string NegateSentence(const std::string& sentence);

}  // namespace bot

#endif  // BOT_AUTHORING_ATTACK_H_
