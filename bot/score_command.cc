// score: one answer against one question.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli.h"
#include "format.h"
#include "rubric/scorer.h"

namespace bot {
namespace {

bool ReadAll(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

}  // namespace

int ScoreCommand(const std::vector<std::string>& argv, Io io) {
  const std::vector<FlagSpec> specs = {
      {"question", true, "question id or number (required)"},
      {"file", true, "read the answer from this file instead of stdin"},
      {"follow-up", true, "file with the answer to the follow-up probe"},
      {"json", false, "print the result object as JSON"},
      ContentFlag(),
      HelpFlag()};
  int code = 0;
  auto args = ParseCommand(
      argv, specs,
      "interview-bot score --question <id|number> [--file F] [--follow-up F] [--json]", io, &code);
  if (!args) return code;
  if (!args->Has("question")) {
    io.err << "interview-bot score: --question is required (an id or a number)\n";
    return 2;
  }
  if (!args->positional().empty()) {
    io.err << "interview-bot score: unexpected argument \"" << args->positional()[0]
           << "\"; give the answer on stdin or with --file\n";
    return 2;
  }
  auto bank = LoadBankOrReport(ContentDir(*args), io);
  if (!bank) return 1;
  const rubric::Question* q = FindQuestionOrReport(*bank, args->Get("question"), "score", io);
  if (!q) return 2;
  std::string answer, follow_up;
  if (args->Has("file")) {
    if (!ReadAll(args->Get("file"), &answer)) {
      io.err << "interview-bot score: cannot read --file " << args->Get("file") << "\n";
      return 2;
    }
  } else {
    std::ostringstream ss;
    ss << io.in.rdbuf();
    answer = ss.str();
  }
  if (args->Has("follow-up") && !ReadAll(args->Get("follow-up"), &follow_up)) {
    io.err << "interview-bot score: cannot read --follow-up " << args->Get("follow-up") << "\n";
    return 2;
  }
  rubric::Status status;
  auto scorer = rubric::Scorer::Compile(*bank, &status);
  if (!scorer) {
    io.err << status.ToString();
    return 1;
  }
  rubric::Result result;
  status = args->Has("follow-up") ? scorer->ScoreWithFollowUp(q->id, answer, follow_up, &result)
                                  : scorer->Score(q->id, answer, &result);
  if (!status.ok()) {
    io.err << "interview-bot score: " << status.problems()[0].field << " "
           << status.problems()[0].reason << "\n";
    return 1;
  }
  if (args->Has("json")) {
    io.out << rubric::ToJson(result).dump(2) << "\n";
  } else {
    io.out << FormatResult(*q, result);
  }
  return 0;
}

}  // namespace bot
