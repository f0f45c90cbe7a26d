#include "cli/cli.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace bot {
namespace {

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>&, Io);
};

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      {"serve", "run the web chat server (the default command)", ServeCommand},
      {"healthcheck", "exit 0 when the local server answers /healthz", HealthcheckCommand},
      {"score", "score an answer (stdin or --file) against a question's rubric", ScoreCommand},
      {"questions", "list the questions of the bank", QuestionsCommand},
      {"show", "print one question: scenario, framework, rubric summary", ShowCommand},
      {"check-content", "validate a question bank directory", CheckContentCommand},
      {"calibrate", "score model answers and graded answers; print agreement", CalibrateCommand},
      {"derive-rubric", "print the rubric derived from a question's model answer", DeriveRubricCommand},
      {"attack", "score adversarial answers made from a rubric; fail if any passes", AttackCommand},
      {"import-csv", "turn a CSV of questions and model answers into a bank", ImportCsvCommand},
      {"suggest-accepted", "pick accepted answers from candidates' answers, to review",
       SuggestAcceptedCommand},
  };
  return commands;
}

void PrintHelp(std::ostream& out) {
  out << "interview-bot: a mock interviewer that scores answers against question rubrics.\n\n"
         "Usage: interview-bot [command] [flags]   (interview-bot <command> --help for more)\n\n"
         "Commands:\n";
  for (const auto& c : Commands()) {
    std::string name = std::string("  ") + c.name;
    name.resize(20, ' ');
    out << name << c.summary << "\n";
  }
}

}  // namespace

FlagSpec ContentFlag() {
  return {"content", true, "question bank directory (default: $INTERVIEW_BOT_CONTENT or content/seed)"};
}
FlagSpec HelpFlag() { return {"help", false, "show this help"}; }

std::optional<Args> ParseCommand(const std::vector<std::string>& argv,
                                 const std::vector<FlagSpec>& specs, const std::string& usage,
                                 Io io, int* exit_code) {
  std::string error;
  auto args = Args::Parse(argv, 2, specs, &error);
  if (!args) {
    io.err << "interview-bot " << argv[1] << ": " << error << "\n"
           << "Usage: " << usage << "\n" << Args::Usage(specs);
    *exit_code = 2;
    return std::nullopt;
  }
  if (args->Has("help")) {
    io.out << "Usage: " << usage << "\n" << Args::Usage(specs);
    *exit_code = 0;
    return std::nullopt;
  }
  return args;
}

std::string ContentDir(const Args& args) {
  if (args.Has("content")) return args.Get("content");
  if (const char* env = std::getenv("INTERVIEW_BOT_CONTENT"); env && *env) return env;
  std::error_code ec;
  if (std::filesystem::is_directory("content/seed", ec)) return "content/seed";
  // Installed (cmake --install): the bank sits in <prefix>/share beside <prefix>/bin, wherever the
  // prefix was moved, so nothing absolute is compiled in.
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  const auto installed = exe.parent_path().parent_path() / INTERVIEW_BOT_INSTALLED_CONTENT;
  if (!ec && std::filesystem::is_directory(installed, ec)) return installed.string();
  return "content/seed";
}

std::optional<rubric::Bank> LoadBankOrReport(const std::string& dir, Io io,
                                              rubric::PatternCheck check) {
  rubric::Status status;
  auto bank = rubric::LoadBank(dir, &status, check);
  if (!bank) {
    io.err << "interview-bot: the question bank in " << dir << " has problems:\n"
           << status.ToString();
  }
  return bank;
}

std::unique_ptr<rubric::Scorer> CompileOrReport(const rubric::Bank& bank, Io io) {
  rubric::Status status;
  auto scorer = rubric::Scorer::Compile(bank, &status);
  if (!scorer) io.err << status.ToString();
  return scorer;
}

const rubric::Question* FindQuestionOrReport(const rubric::Bank& bank, const std::string& id_or_number,
                                             const std::string& command, Io io) {
  const rubric::Question* q = bank.Find(id_or_number);
  if (!q) {
    io.err << "interview-bot " << command << ": unknown question \"" << id_or_number
           << "\"; valid: " << bank.ValidIds() << "\n";
  }
  return q;
}

int RunCli(const std::vector<std::string>& argv, Io io) {
  if (argv.size() < 2 || (argv[1].rfind("--", 0) == 0 && argv[1] != "--help")) {
    // No command, or flags only: serve.
    std::vector<std::string> serve = argv;
    serve.insert(serve.begin() + 1, "serve");
    return ServeCommand(serve, io);
  }
  if (argv[1] == "--help" || argv[1] == "-h" || argv[1] == "help") {
    PrintHelp(io.out);
    return 0;
  }
  for (const auto& c : Commands()) {
    if (argv[1] == c.name) return c.run(argv, io);
  }
  std::string valid;
  for (const auto& c : Commands()) valid += (valid.empty() ? "" : ", ") + std::string(c.name);
  io.err << "interview-bot: unknown command \"" << argv[1] << "\"; valid commands: " << valid
         << "\n";
  return 2;
}

}  // namespace bot
