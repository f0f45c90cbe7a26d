// suggest-accepted: accepted answers for a question of a short-answer bank, picked from answers
// candidates gave (a file, or the server's database) for the author to review.
#include <filesystem>
#include <fstream>

#include "authoring/accepted_answers.h"
#include "cli/cli.h"
#include "core/format.h"
#include "store/sqlite_store.h"

namespace bot {
namespace {

// suggest-accepted --db reads at most this many of a question's stored answers, newest first.
constexpr int kMaxStoredAnswers = 10000;

// The non-blank lines of `in`, trimmed.
std::vector<std::string> Lines(std::istream& in) {
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    const size_t b = line.find_first_not_of(" \t\r");
    if (b != std::string::npos) lines.push_back(line.substr(b, line.find_last_not_of(" \t\r") - b + 1));
  }
  return lines;
}

}  // namespace

int SuggestAcceptedCommand(const std::vector<std::string>& argv, Io io) {
  const std::vector<FlagSpec> specs = {
      {"db", true, "take the answers candidates gave in the server's SQLite database instead"},
      {"top", true, "how many answers to suggest, 1 to 100 (default 3)"},
      ContentFlag(),
      HelpFlag()};
  int code = 0;
  auto args = ParseCommand(argv, specs,
                           "interview-bot suggest-accepted <question-id> <answers.txt|-> | --db FILE "
                           "[--top N] [--content DIR]",
                           io, &code);
  if (!args) return code;
  if (args->positional().size() != (args->Has("db") ? 1 : 2)) {
    io.err << "interview-bot suggest-accepted: expected a question id and either a file of answers, "
              "one per line ('-' for stdin), or --db\n";
    return 2;
  }
  int top = 0;
  if (!ParseInt(args->Get("top", "3"), 1, 100, &top)) {
    io.err << "interview-bot suggest-accepted: --top must be a whole number from 1 to 100, not \""
           << args->Get("top") << "\"\n";
    return 2;
  }
  auto bank = LoadBankOrReport(ContentDir(*args), io);
  if (!bank) return 1;
  if (bank->answer_style != rubric::AnswerStyle::kShort) {
    io.err << "interview-bot suggest-accepted: accepted answers count only in a bank whose "
              "bank.json sets \"answer_style\": \"short\"\n";
    return 1;
  }
  const rubric::Question* q = FindQuestionOrReport(*bank, args->positional()[0], "suggest-accepted", io);
  if (!q) return 1;
  std::vector<std::string> answers;
  const std::string source = args->Has("db") ? args->Get("db") : args->positional()[1];
  if (args->Has("db")) {
    std::error_code ec;
    std::string error;
    // Open creates a missing file; a mistyped path should say so instead.
    auto store = std::filesystem::is_regular_file(source, ec) ? SqliteStore::Open(source, 1, &error)
                                                              : nullptr;
    if (!store) {
      io.err << "interview-bot suggest-accepted: "
             << (error.empty() ? "no database file at " + source : error) << "\n";
      return 1;
    }
    if (auto e = store->AnswersTo(q->id, kMaxStoredAnswers, &answers)) {
      io.err << "interview-bot suggest-accepted: reading " << source << " failed: " << e->message
             << "\n";
      return 1;
    }
  } else {
    std::ifstream in_file;
    if (source != "-") in_file.open(source, std::ios::binary);
    if (source != "-" && !in_file) {
      io.err << "interview-bot suggest-accepted: cannot read " << source << "\n";
      return 1;
    }
    answers = Lines(source == "-" ? io.in : in_file);
  }
  if (answers.empty()) {
    io.err << "interview-bot suggest-accepted: " << source << " holds no answers to " << q->id
           << (args->Has("db") ? "" : " (one per line)") << "\n";
    return 1;
  }
  auto scorer = CompileOrReport(*bank, io);
  if (!scorer) return 1;
  nlohmann::json accepted = nlohmann::json::array(), scores = nlohmann::json::array();
  for (const auto& s : SuggestAccepted(*scorer, q->id, answers, top)) {
    accepted.push_back(s.answer);
    scores.push_back(s.score);
  }
  io.out << nlohmann::json{{"question", q->id}, {"accepted_answers", accepted}, {"scores", scores}}.dump(2)
         << "\n";
  io.err << accepted.size() << " of " << answers.size() << " answers suggested (each scores at least "
         << Fixed1(kMinAcceptedScore) << "); review them before adding them to " << q->file << "\n";
  return 0;
}

}  // namespace bot
