// The rubric author's commands: derive-rubric (a starting point to hand-tune), attack (a rubric
// self-test with adversarial answers) and import-csv (a bank from a spreadsheet).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "authoring/attack.h"
#include "authoring/import_csv.h"
#include "cli/cli.h"
#include "core/format.h"
#include "rubric/derive.h"
#include "rubric/scorer.h"

namespace bot {
int DeriveRubricCommand(const std::vector<std::string>& argv, Io io) {
  const std::vector<FlagSpec> specs = {ContentFlag(), HelpFlag()};
  int code = 0;
  auto args = ParseCommand(argv, specs, "interview-bot derive-rubric <question-id> [--content DIR]",
                           io, &code);
  if (!args) return code;
  if (args->positional().size() != 1) {
    io.err << "interview-bot derive-rubric: expected one question id or number\n";
    return 2;
  }
  auto bank = LoadBankOrReport(ContentDir(*args), io);
  if (!bank) return 1;
  const rubric::Question* q = FindQuestionOrReport(*bank, args->positional()[0], "derive-rubric", io);
  if (!q) return 1;
  // Derived against the whole bank (specificity is relative to the other model answers), even when
  // the question has a hand-written rubric.
  const size_t index = q - bank->questions.data();
  rubric::DeriveRubrics(&*bank, true);
  io.out << rubric::ToJson(bank->questions[index]).dump(2) << "\n";
  return 0;
}

int AttackCommand(const std::vector<std::string>& argv, Io io) {
  const std::vector<FlagSpec> specs = {
      {"all", false, "attack every question of the bank"},
      {"derived", false, "attack the rubrics derived from the model answers instead"},
      {"verbose", false, "print every attack's score, not only those that pass"},
      {"show", false, "also print the text of each attack printed"},
      ContentFlag(),
      HelpFlag()};
  int code = 0;
  auto args = ParseCommand(argv, specs,
                           "interview-bot attack <question-id> | --all [--derived] [--show] [--content DIR]",
                           io, &code);
  if (!args) return code;
  if (args->Has("all") == (args->positional().size() == 1) || args->positional().size() > 1) {
    io.err << "interview-bot attack: give one question id or --all\n";
    return 2;
  }
  auto bank = LoadBankOrReport(ContentDir(*args), io);
  if (!bank) return 1;
  if (args->Has("derived")) rubric::DeriveRubrics(&*bank, true);
  auto scorer = CompileOrReport(*bank, io);
  if (!scorer) return 1;
  std::vector<const rubric::Question*> targets;
  if (args->Has("all")) {
    for (const auto& q : bank->questions) targets.push_back(&q);
  } else if (const auto* q = FindQuestionOrReport(*bank, args->positional()[0], "attack", io)) {
    targets.push_back(q);
  } else {
    return 1;
  }
  int passed = 0, total = 0;
  double worst = 0;
  for (const auto* q : targets) {
    for (const auto& attack : MakeAttacks(*q)) {
      rubric::Result r;
      scorer->Score(q->id, attack.answer, &r);
      ++total;
      worst = std::max(worst, r.score);
      const bool pass = r.score > kAttackPassScore;
      passed += pass;
      if (pass || args->Has("verbose")) {
        std::string flags;
        for (const auto& f : r.flags) flags += (flags.empty() ? "" : ",") + f;
        io.out << (pass ? "PASSED  " : "blocked ") << q->id << " " << attack.kind << " score "
               << Fixed1(r.score) << (flags.empty() ? "" : " [" + flags + "]") << "\n";
        if (args->Has("show")) io.out << attack.answer << "\n\n";
      }
    }
  }
  io.out << "attacks=" << total << " passed=" << passed << " max=" << Fixed1(worst)
         << " threshold=" << Fixed1(kAttackPassScore) << "\n";
  return passed ? 1 : 0;
}

int ImportCsvCommand(const std::vector<std::string>& argv, Io io) {
  const std::vector<FlagSpec> specs = {
      {"name", true, "the bank's name (default: the CSV file's name)"},
      {"answer-style", true, "interview (default) or short: one-to-three-sentence answers"},
      HelpFlag()};
  int code = 0;
  auto args = ParseCommand(argv, specs,
                           "interview-bot import-csv <file.csv> <out-dir> [--name N] "
                           "[--answer-style interview|short]",
                           io, &code);
  if (!args) return code;
  if (args->positional().size() != 2) {
    io.err << "interview-bot import-csv: expected a CSV file and an output directory\n";
    return 2;
  }
  const std::string file = args->positional()[0], dir = args->positional()[1];
  const std::string style = args->Has("answer-style") ? args->Get("answer-style") : "interview";
  if (style != "interview" && style != "short") {
    io.err << "interview-bot import-csv: --answer-style must be interview or short\n";
    return 2;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    io.err << "interview-bot import-csv: cannot read " << file << "\n";
    return 1;
  }
  std::stringstream text;
  text << in.rdbuf();
  std::vector<ImportedQuestion> questions;
  std::string error;
  if (!ImportCsv(text.str(), &questions, &error)) {
    io.err << "interview-bot import-csv: " << file << ": " << error << "\n";
    return 1;
  }
  for (const auto& q : questions) {
    if (style != "short" && q.json.contains("accepted_answers")) {
      io.err << "interview-bot import-csv: " << file << ": column accepted_answers counts only "
             << "with --answer-style short\n";
      return 2;
    }
  }
  const std::string name =
      args->Has("name") ? args->Get("name") : std::filesystem::path(file).stem().string();
  if (!WriteBank(dir, name, style, questions, &error)) {
    io.err << "interview-bot import-csv: " << error << "\n";
    return 1;
  }
  // The bank must load as written: the same check as check-content.
  auto loaded = LoadBankOrReport(dir, io);
  if (!loaded) return 1;
  io.out << "OK: " << dir << ": " << questions.size() << " questions, rubrics derived from "
         << "their model answers\n";
  return 0;
}

}  // namespace bot
