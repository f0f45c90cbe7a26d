// Interview: the state machine of one mock interview, independent of transports and storage.
// Start() builds a session from a track; Handle() applies one candidate input (an answer or a
// command) and appends the bot's replies. Errors are values whose kind each transport maps. Holds
// only const references to the bank and scorer, so one Interview may serve many threads, each
// working on its own Session; SessionService runs it between a load and a commit.
#ifndef BOT_CORE_INTERVIEW_H_
#define BOT_CORE_INTERVIEW_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/error.h"
#include "core/random.h"
#include "core/session.h"
#include "rubric/scorer.h"

namespace bot {

struct StartRequest {
  std::string name, client_id;  // client_id "" : no client (no history)
  Track track;
  SessionSource source = SessionSource::kWeb;
  std::string slack_user;
};

struct Input {
  std::string text;     // an answer, or a command typed as a word
  std::string command;  // hint, skip, repeat, model, retry, end
};

// The client_id rule, for starting a session and for reading a client's history: 1 to 64
// characters of A-Z, a-z, 0-9, '-' and '_'. An invalid_field Error naming client_id otherwise.
MaybeError CheckClientId(const std::string& client_id);
// A name is shown in reports, pages and webhooks: one line, no control characters (NUL, tabs, line
// breaks, C1). An invalid_field Error naming name otherwise.
MaybeError CheckName(const std::string& name);

class Interview {
 public:
  static constexpr double kHintCeiling = 7.0;
  static constexpr int kMaxNameChars = 80;

  Interview(const rubric::Scorer& scorer, const Clock& clock, Random& random)
      : scorer_(scorer), bank_(scorer.bank()), clock_(clock), random_(random) {}

  MaybeError Start(const StartRequest& request, Session* session) const;
  // Appends the candidate's message and the bot's replies to session->messages.
  MaybeError Handle(const Input& input, Session* session) const;

  // The question as the candidate sees it: no rubric, no model answer.
  static nlohmann::json PublicQuestion(const rubric::Question& q);
  // "hint", "/skip", "Model answer" -> the command; "" when text is an answer.
  static std::string CommandOf(const std::string& text);
  static const std::vector<std::string>& Commands();

  const rubric::Bank& bank() const { return bank_; }
  const rubric::Scorer& scorer() const { return scorer_; }

 private:
  MaybeError Answer(const std::string& text, Session* s) const;
  MaybeError Command(const std::string& command, Session* s) const;
  // After a question closes (interview_review.cc): its model answer, and retries of it, each
  // scored on its own; the question's score stays the one it closed with.
  void ModelAnswer(Session* s) const;
  void StartRetry(Session* s) const;
  MaybeError RetryAnswer(const std::string& text, Session* s) const;
  void RetryCommand(const std::string& command, Session* s) const;
  void EndRetry(Session* s) const;
  void Ask(Session* s) const;
  Message& SayQuestion(Session* s, size_t index) const;
  void Advance(Session* s) const;
  void Finish(Session* s, bool early) const;
  Message& Say(Session* s, MessageRole role, MessageKind kind, std::string text,
               nlohmann::json data = nlohmann::json::object()) const;
  const rubric::Question& QuestionOf(const QuestionRecord& r) const { return *bank_.Find(r.id); }
  nlohmann::json HintData(const rubric::Question& q, std::string* text) const;

  const rubric::Scorer& scorer_;
  const rubric::Bank& bank_;
  const Clock& clock_;
  Random& random_;
};

}  // namespace bot

#endif  // BOT_CORE_INTERVIEW_H_
