// calibrate: how far the scorer agrees with graded answers and the model answers' reference scores.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "authoring/stats.h"
#include "cli/cli.h"
#include "rubric/derive.h"
#include "rubric/scorer.h"

namespace bot {
namespace {

struct Row {
  std::string id, question, kind;
  double grade = 0, score = 0;
};

std::string Fixed(double x, int decimals) {
  char buf[32];
  snprintf(buf, sizeof buf, "%.*f", decimals, x);
  return buf;
}

std::string Pad(std::string s, size_t width) {
  if (s.size() < width) s.resize(width, ' ');
  return s;
}

// Kinds that must score low whatever their grade: term lists, dismissals, answers to another question.
bool IsAdversarialKind(const std::string& kind) {
  for (const char* k : {"buzzword", "salad", "negat", "off-topic", "offtopic", "off_topic"}) {
    if (kind.find(k) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

int CalibrateCommand(const std::vector<std::string>& argv, Io io) {
  const std::vector<FlagSpec> specs = {
      {"answers", true, "JSONL of graded answers: question, answer, grade (and id, kind)"},
      {"json", false, "print the figures as JSON"},
      {"derived", false, "ignore hand-written rubrics: score with rubrics derived from the model answers"},
      ContentFlag(),
      HelpFlag()};
  int code = 0;
  auto args = ParseCommand(argv, specs, "interview-bot calibrate [--answers FILE.jsonl] [--json] [--derived]",
                           io, &code);
  if (!args) return code;
  auto bank = LoadBankOrReport(ContentDir(*args), io);
  if (!bank) return 1;
  if (args->Has("derived")) rubric::DeriveRubrics(&*bank, true);
  auto scorer = CompileOrReport(*bank, io);
  if (!scorer) return 1;

  nlohmann::json report = {{"model_answers", nlohmann::json::array()}};
  int model_outside = 0;
  io.out << "Model answers (must score within [reference - 1.0, reference + 0.5]):\n";
  for (const auto& q : bank->questions) {
    if (q.reference_score < 0) continue;
    rubric::Result r;
    scorer->Score(q.id, q.model_answer, &r);
    const bool inside = r.score >= q.reference_score - 1.0 && r.score <= q.reference_score + 0.5;
    model_outside += !inside;
    io.out << "  " << Pad(std::to_string(q.number) + " " + q.id, 38) << " reference "
           << Fixed(q.reference_score, 1) << "  score " << Fixed(r.score, 1)
           << (inside ? "  ok" : "  OUTSIDE") << "\n";
    report["model_answers"].push_back(
        {{"question", q.id}, {"reference", q.reference_score}, {"score", r.score}, {"inside", inside}});
  }
  report["model_answers_outside"] = model_outside;

  if (!args->Has("answers")) {
    if (args->Has("json")) io.out << report.dump(2) << "\n";
    return 0;
  }
  std::ifstream in(args->Get("answers"));
  if (!in) {
    io.err << "interview-bot calibrate: cannot read --answers " << args->Get("answers") << "\n";
    return 2;
  }
  std::vector<Row> rows;
  std::string line;
  for (int line_no = 1; std::getline(in, line); ++line_no) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    const auto bad = [&](const std::string& why) {
      io.err << "interview-bot calibrate: " << args->Get("answers") << ":" << line_no << ": " << why
             << "\n";
      return 2;
    };
    if (j.is_discarded() || !j.is_object()) return bad("not a JSON object");
    if (!j.contains("answer") || !j["answer"].is_string()) return bad("answer: must be a string");
    if (!j.contains("grade") || !j["grade"].is_number()) return bad("grade: must be a number");
    if (!j.contains("question")) return bad("question: required (id or number)");
    Row row;
    row.question = j["question"].is_string() ? j["question"].get<std::string>()
                                             : std::to_string(j["question"].get<long long>());
    row.id = j.value("id", "line " + std::to_string(line_no));
    row.kind = j.value("kind", "");
    row.grade = j["grade"].get<double>();
    rubric::Result r;
    rubric::Status s = scorer->Score(row.question, j["answer"].get<std::string>(), &r);
    if (!s.ok()) return bad(s.problems()[0].field + ": " + s.problems()[0].reason);
    row.score = r.score;
    rows.push_back(row);
  }
  if (rows.empty()) {
    io.err << "interview-bot calibrate: " << args->Get("answers") << " holds no answers\n";
    return 2;
  }

  io.out << "\nGraded answers:\n  " << Pad("id", 16) << Pad("kind", 14) << "grade  score   diff\n";
  std::vector<double> grades, scores;
  double adversarial_max = -1;
  for (const auto& row : rows) {
    grades.push_back(row.grade);
    scores.push_back(row.score);
    if (IsAdversarialKind(row.kind)) adversarial_max = std::max(adversarial_max, row.score);
    io.out << "  " << Pad(row.id, 16) << Pad(row.kind, 14) << Pad(Fixed(row.grade, 1), 7)
           << Pad(Fixed(row.score, 1), 7) << (row.score >= row.grade ? "+" : "")
           << Fixed(row.score - row.grade, 1) << "\n";
  }
  std::vector<Row> sorted = rows;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Row& a, const Row& b) {
    return std::fabs(a.score - a.grade) > std::fabs(b.score - b.grade);
  });
  const double spearman = Spearman(grades, scores), pearson = Pearson(grades, scores);
  const double mae = MeanAbsoluteError(grades, scores);
  io.out << "\nLargest disagreements:\n";
  for (size_t i = 0; i < std::min<size_t>(5, sorted.size()); ++i) {
    io.out << "  " << Pad(sorted[i].id, 16) << "grade " << Fixed(sorted[i].grade, 1) << "  score "
           << Fixed(sorted[i].score, 1) << "\n";
  }
  io.out << "\nanswers=" << rows.size() << " spearman=" << Fixed(spearman, 3)
         << " pearson=" << Fixed(pearson, 3) << " mae=" << Fixed(mae, 2);
  if (adversarial_max >= 0) io.out << " adversarial_max=" << Fixed(adversarial_max, 1);
  io.out << " model_answers_outside=" << model_outside << "\n";
  report["answers"] = rows.size();
  report["spearman"] = spearman;
  report["pearson"] = pearson;
  report["mae"] = mae;
  report["adversarial_max"] = adversarial_max;
  if (args->Has("json")) io.out << report.dump(2) << "\n";
  return 0;
}

}  // namespace bot
