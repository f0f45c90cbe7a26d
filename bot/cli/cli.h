// The interview-bot command line: sub-commands (score, questions, show, check-content, calibrate,
// ...) dispatched from argv. Streams are injected so tests run commands in-process and compare
// their output. Each call is independent; not meant to run concurrently on the same streams.
#ifndef BOT_CLI_CLI_H_
#define BOT_CLI_CLI_H_

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/args.h"
#include "rubric/bank.h"
#include "rubric/scorer.h"

namespace bot {

struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
};

// Exit codes: 0 success, 1 the command ran and failed (bad bank, check failed), 2 usage error.
int RunCli(const std::vector<std::string>& argv, Io io);

// The bank directory: --content, else $INTERVIEW_BOT_CONTENT, else ./content/seed when it exists,
// else the seed bank installed beside the binary (<prefix>/share/interview-bot/content/seed).
std::string ContentDir(const Args& args);
// Loads the bank or prints every problem to io.err.
std::optional<rubric::Bank> LoadBankOrReport(const std::string& dir, Io io,
                                              rubric::PatternCheck check = rubric::PatternCheck::kNow);
// Compiles every question of `bank`, or prints why not to io.err and returns nullptr.
std::unique_ptr<rubric::Scorer> CompileOrReport(const rubric::Bank& bank, Io io);
// The question `id_or_number` of `bank`, or nullptr after printing "interview-bot <command>:
// unknown question ...; valid: ..." to io.err.
const rubric::Question* FindQuestionOrReport(const rubric::Bank& bank, const std::string& id_or_number,
                                             const std::string& command, Io io);

// Parses a sub-command's flags. Returns nullopt when the command should stop: --help was printed
// (*exit_code 0) or the flags were wrong (message and usage on io.err, *exit_code 2).
std::optional<Args> ParseCommand(const std::vector<std::string>& argv,
                                 const std::vector<FlagSpec>& specs, const std::string& usage,
                                 Io io, int* exit_code);

// The common --content flag and --help.
FlagSpec ContentFlag();
FlagSpec HelpFlag();

// Sub-commands; argv[0] is the program, argv[1] the command name.
int QuestionsCommand(const std::vector<std::string>& argv, Io io);
int ShowCommand(const std::vector<std::string>& argv, Io io);
int CheckContentCommand(const std::vector<std::string>& argv, Io io);
int ScoreCommand(const std::vector<std::string>& argv, Io io);
int CalibrateCommand(const std::vector<std::string>& argv, Io io);
int ServeCommand(const std::vector<std::string>& argv, Io io);
int HealthcheckCommand(const std::vector<std::string>& argv, Io io);
int DeriveRubricCommand(const std::vector<std::string>& argv, Io io);
int AttackCommand(const std::vector<std::string>& argv, Io io);
int ImportCsvCommand(const std::vector<std::string>& argv, Io io);
int SuggestAcceptedCommand(const std::vector<std::string>& argv, Io io);

}  // namespace bot

#endif  // BOT_CLI_CLI_H_
