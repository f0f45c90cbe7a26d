// score: one answer against one question.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli.h"
#include "core/format.h"
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

// What is wrong, for a problem the scorer reported: an input's problem names the input (and an
// unknown question names itself); a problem of the bank, a pattern that does not compile, names
// the bank, the file and the field, as check-content does.
std::string Describe(const rubric::Problem& p, const std::string& content) {
  if (p.where == p.field) return p.field == "question" ? p.reason : p.field + " " + p.reason;
  return "the question bank in " + content + ": " + p.ToString();
}

// One result per line of JSON Lines {"question", "answer"[, "follow_up"][, "id"]}: the result
// object (with the line's id when given), or {"line", "error": {"field", "message"}} for a line
// that cannot be scored. Exit 1 when any line failed, after all of them.
int ScoreBatch(const rubric::Scorer& scorer, const std::string& content, std::istream& in, Io io) {
  int failed = 0;
  std::string line;
  for (int line_no = 1; std::getline(in, line); ++line_no) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    nlohmann::json out;
    const auto fail = [&](const std::string& field, const std::string& message) {
      out = {{"line", line_no}, {"error", {{"field", field}, {"message", message}}}};
      ++failed;
    };
    const auto text = [&](const char* key) {
      return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
    };
    if (!j.is_object()) {
      fail("", "the line is not a JSON object");
    } else if (!j.contains("question") || !(j["question"].is_string() || j["question"].is_number_integer())) {
      fail("question", "question is required: an id or a number");
    } else if (!j.contains("answer") || !j["answer"].is_string()) {
      fail("answer", "answer is required: a string");
    } else if (j.contains("follow_up") && !j["follow_up"].is_string()) {
      fail("follow_up", "follow_up must be a string");
    } else {
      const std::string question = j["question"].is_string() ? j["question"].get<std::string>()
                                                             : std::to_string(j["question"].get<long long>());
      rubric::Result result;
      const rubric::Status status =
          j.contains("follow_up") ? scorer.ScoreWithFollowUp(question, text("answer"), text("follow_up"), &result)
                                  : scorer.Score(question, text("answer"), &result);
      if (status.ok()) {
        out = rubric::ToJson(result);
      } else {
        const rubric::Problem& p = status.problems()[0];
        fail(p.field, Describe(p, content));
      }
    }
    if (j.is_object() && j.contains("id")) out["id"] = j["id"];
    io.out << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  if (failed) io.err << "interview-bot score: " << failed << " line(s) could not be scored\n";
  return failed ? 1 : 0;
}

}  // namespace

int ScoreCommand(const std::vector<std::string>& argv, Io io) {
  const std::vector<FlagSpec> specs = {
      {"question", true, "question id or number (required unless --batch)"},
      {"batch", true, "score JSON Lines {\"question\", \"answer\"} from FILE or - (stdin), one result per line"},
      {"file", true, "read the answer from this file instead of stdin"},
      {"follow-up", true, "file with the answer to the follow-up probe"},
      {"json", false, "print the result object as JSON"},
      ContentFlag(),
      HelpFlag()};
  int code = 0;
  auto args = ParseCommand(
      argv, specs,
      "interview-bot score --question <id|number> [--file F] [--follow-up F] [--json]\n"
      "       interview-bot score --batch FILE|-",
      io, &code);
  if (!args) return code;
  if (args->Has("batch")) {
    if (args->Has("question") || args->Has("file") || args->Has("follow-up")) {
      io.err << "interview-bot score: --batch takes each line's question and answer; drop "
                "--question, --file and --follow-up\n";
      return 2;
    }
    std::ifstream file;
    if (args->Get("batch") != "-") {
      file.open(args->Get("batch"), std::ios::binary);
      if (!file) {
        io.err << "interview-bot score: cannot read --batch " << args->Get("batch") << "\n";
        return 2;
      }
    }
    // Compiles (and checks) only the patterns of the questions the lines ask for: a line for a
    // question with a pattern that does not compile gets that error.
    auto bank = LoadBankOrReport(ContentDir(*args), io, rubric::PatternCheck::kWhenScored);
    if (!bank) return 1;
    const auto scorer = rubric::Scorer::Open(*bank);
    return ScoreBatch(*scorer, ContentDir(*args), args->Get("batch") == "-" ? io.in : file, io);
  }
  if (!args->Has("question")) {
    io.err << "interview-bot score: --question is required (an id or a number)\n";
    return 2;
  }
  if (!args->positional().empty()) {
    io.err << "interview-bot score: unexpected argument \"" << args->positional()[0]
           << "\"; give the answer on stdin or with --file\n";
    return 2;
  }
  // Compiles (and checks) the patterns of this question only, when it is scored.
  auto bank = LoadBankOrReport(ContentDir(*args), io, rubric::PatternCheck::kWhenScored);
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
  // The bank-wide set is compiled too when the answer looks off-topic.
  const auto scorer = rubric::Scorer::Open(*bank);
  rubric::Result result;
  const rubric::Status status = args->Has("follow-up") ? scorer->ScoreWithFollowUp(q->id, answer, follow_up, &result)
                                  : scorer->Score(q->id, answer, &result);
  if (!status.ok()) {
    io.err << "interview-bot score: " << Describe(status.problems()[0], ContentDir(*args)) << "\n";
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
