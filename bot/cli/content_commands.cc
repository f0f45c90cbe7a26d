// questions, show and check-content: reading a bank.
#include <iostream>

#include "cli/cli.h"
#include "rubric/scorer.h"

namespace bot {

int QuestionsCommand(const std::vector<std::string>& argv, Io io) {
  const std::vector<FlagSpec> specs = {ContentFlag(), {"json", false, "print JSON"}, HelpFlag()};
  int code = 0;
  auto args = ParseCommand(argv, specs, "interview-bot questions [--content DIR] [--json]", io, &code);
  if (!args) return code;
  if (!args->positional().empty()) {
    io.err << "interview-bot questions: unexpected argument \"" << args->positional()[0] << "\"\n";
    return 2;
  }
  auto bank = LoadBankOrReport(ContentDir(*args), io);
  if (!bank) return 1;
  if (args->Has("json")) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& q : bank->questions) {
      list.push_back({{"number", q.number}, {"id", q.id}, {"title", q.title},
                      {"difficulty", q.difficulty}, {"role", q.role}, {"level", q.level}});
    }
    io.out << list.dump(2) << "\n";
    return 0;
  }
  for (const auto& q : bank->questions) {
    std::string id = q.id;
    id.resize(std::max<size_t>(id.size(), 32), ' ');
    std::string difficulty = q.difficulty;
    difficulty.resize(std::max<size_t>(difficulty.size(), 10), ' ');
    io.out << (q.number < 10 ? " " : "") << q.number << "  " << id << difficulty << q.title
           << "\n";
  }
  return 0;
}

int ShowCommand(const std::vector<std::string>& argv, Io io) {
  const std::vector<FlagSpec> specs = {ContentFlag(),
                                       {"json", false, "print the question file as JSON"},
                                       {"model", false, "include the model answer"},
                                       HelpFlag()};
  int code = 0;
  auto args = ParseCommand(argv, specs, "interview-bot show <id|number> [--json] [--model]", io,
                           &code);
  if (!args) return code;
  if (args->positional().size() != 1) {
    io.err << "interview-bot show: expected one question id or number\n";
    return 2;
  }
  auto bank = LoadBankOrReport(ContentDir(*args), io);
  if (!bank) return 1;
  const rubric::Question* q = FindQuestionOrReport(*bank, args->positional()[0], "show", io);
  if (!q) return 2;
  if (args->Has("json")) {
    io.out << rubric::ToJson(*q, true, true).dump(2) << "\n";
    return 0;
  }
  io.out << "Question " << q->number << " (" << q->id << "): " << q->title << "\n"
         << q->difficulty << " | " << q->role << " | " << q->level << "\n\n"
         << q->question << "\n\n"
         << q->scenario << "\n";
  for (const auto& c : q->constraints) io.out << "  - " << c << "\n";
  io.out << "\nCompetencies:\n";
  for (const auto& c : q->competencies) io.out << "  - " << c.name << ": " << c.description << "\n";
  io.out << "\nFramework: " << q->framework_name << "\n";
  for (size_t i = 0; i < q->steps.size(); ++i) {
    io.out << "  " << i + 1 << ". " << q->steps[i].name << " - " << q->steps[i].description << "\n";
  }
  for (const auto& p : q->key_principles) io.out << "  * " << p << "\n";
  io.out << "\nRubric " << q->rubric.version << ": " << q->rubric.concepts.size()
         << " concepts, " << q->rubric.red_flags.size() << " red flags. Reference score "
         << q->reference_score << "/10.\n";
  if (args->Has("model")) io.out << "\nModel answer:\n" << q->model_answer << "\n";
  return 0;
}

int CheckContentCommand(const std::vector<std::string>& argv, Io io) {
  const std::vector<FlagSpec> specs = {ContentFlag(), HelpFlag()};
  int code = 0;
  auto args = ParseCommand(argv, specs, "interview-bot check-content [DIR]", io, &code);
  if (!args) return code;
  if (args->positional().size() > 1) {
    io.err << "interview-bot check-content: expected at most one directory\n";
    return 2;
  }
  const std::string dir = args->positional().empty() ? ContentDir(*args) : args->positional()[0];
  auto bank = LoadBankOrReport(dir, io);
  if (!bank) return 1;
  rubric::Status status;
  auto scorer = rubric::Scorer::Compile(*bank, &status);
  if (!scorer) {
    io.err << "interview-bot: the question bank in " << dir << " has problems:\n"
           << status.ToString();
    return 1;
  }
  size_t concepts = 0, patterns = 0, flags = 0;
  for (const auto& q : bank->questions) {
    concepts += q.rubric.concepts.size();
    flags += q.rubric.red_flags.size();
    for (const auto& c : q.rubric.concepts) patterns += c.patterns.size();
    for (const auto& f : q.rubric.red_flags) patterns += f.patterns.size();
  }
  io.out << "OK: " << dir << ": " << bank->questions.size() << " questions, " << concepts
         << " concepts, " << flags << " red flags, " << patterns << " patterns\n";
  return 0;
}

}  // namespace bot
