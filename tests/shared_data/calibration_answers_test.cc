// The seed bank against the shared calibration answers (../shared/calibration, which CI has and a
// clone does not). tests/with_shared_data runs this suite with $CALIBRATION_FILE set, or reports
// it as not run.
#include <doctest/doctest.h>

#include <cstdlib>

#include "authoring/stats.h"
#include "jsonl.h"
#include "rubric/scorer.h"
#include "shared_data.h"

TEST_CASE("Calibration answers: Spearman >= 0.85, MAE <= 1.2, buzzwords <= 3.0") {
  rubric::Status status;
  auto bank = rubric::LoadBank(SEED_BANK_DIR, &status);
  REQUIRE(bank);
  auto scorer = rubric::Scorer::Compile(*bank, &status);
  REQUIRE(scorer);
  const auto rows = ReadJsonl(CalibrationFile());
  REQUIRE_MESSAGE(rows.size() == 60, "calibration file missing: " << CalibrationFile());
  std::vector<double> grades, scores;
  for (const auto& row : rows) {
    rubric::Result r;
    REQUIRE(scorer->Score(QuestionKey(row["question"]), row["answer"].get<std::string>(), &r).ok());
    grades.push_back(row["grade"].get<double>());
    scores.push_back(r.score);
    if (row["kind"] == "buzzwords") {
      CAPTURE(row["id"].get<std::string>());
      CHECK(r.score <= 2.5);
    }
  }
  const double spearman = bot::Spearman(grades, scores);
  const double mae = bot::MeanAbsoluteError(grades, scores);
  MESSAGE("calibration spearman=" << spearman << " mae=" << mae);
  // docs/scoring.md: Spearman 0.911, MAE 0.59.
  CHECK(spearman >= 0.90);
  CHECK(mae <= 0.65);
}
