// The seed bank against its own reference scores and the probe answers the rubric authors wrote for
// generality (tests/data/probes). The shared calibration answers are in tests/shared_data.
#include <doctest/doctest.h>

#include "test_util.h"

#include <filesystem>
#include <fstream>
#include <map>

#include "authoring/stats.h"
#include "rubric/scorer.h"

namespace {

struct Seed {
  rubric::Bank bank;
  std::unique_ptr<rubric::Scorer> scorer;
  Seed() {
    rubric::Status status;
    auto loaded = rubric::LoadBank(SEED_BANK_DIR, &status);
    INFO(status.ToString());
    REQUIRE(loaded);
    bank = std::move(*loaded);
    scorer = rubric::Scorer::Compile(bank, &status);
    REQUIRE(scorer);
  }
  double Score(const std::string& q, const std::string& answer) {
    rubric::Result r;
    const rubric::Status s = scorer->Score(q, answer, &r);
    INFO(s.ToString());
    REQUIRE(s.ok());
    return r.score;
  }
};

std::vector<nlohmann::json> ReadJsonl(const std::string& path) {
  std::ifstream in(path);
  std::vector<nlohmann::json> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) rows.push_back(nlohmann::json::parse(line));
  }
  return rows;
}

std::string QuestionKey(const nlohmann::json& v) {
  return v.is_string() ? v.get<std::string>() : std::to_string(v.get<int>());
}

}  // namespace

TEST_CASE("The seed bank has the 15 questions with their stable ids") {
  Seed seed;
  const std::vector<std::string> ids = {
      "architectural-time-bomb", "production-performance-mystery", "monolith-technical-debt",
      "payment-race-condition", "graphql-n-plus-one", "legacy-code-economics",
      "microservices-coordination", "fifteen-minute-production-fire", "tech-stack-tco",
      "regret-retrospective", "jwt-refresh-race", "zero-downtime-migration",
      "feature-flag-recovery", "api-versioning", "cache-invalidation"};
  REQUIRE(seed.bank.questions.size() == ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    CHECK(seed.bank.questions[i].id == ids[i]);
    CHECK(seed.bank.questions[i].number == static_cast<int>(i + 1));
  }
}

TEST_CASE("Every model answer scores within [reference - 1.0, reference + 0.5]") {
  Seed seed;
  for (const auto& q : seed.bank.questions) {
    CAPTURE(q.id);
    const double score = seed.Score(q.id, q.model_answer);
    CHECK(score >= q.reference_score - 1.0);
    CHECK(score <= q.reference_score + 0.5);
  }
}

TEST_CASE("Probe answers written for generality land in their kind's band") {
  Seed seed;
  struct Band {
    double min, max;
  };
  const std::map<std::string, Band> bands = {
      {"strong", {6.0, 10.0}},   {"plain-strong", {5.0, 10.0}}, {"negated", {0.0, 3.0}},
      {"salad", {0.0, 2.5}},     {"vague", {0.0, 3.5}}};
  int n = 0;
  std::vector<double> grades, scores;
  for (const auto& entry : std::filesystem::directory_iterator(TEST_DATA_DIR "/probes")) {
    for (const auto& row : ReadJsonl(entry.path().string())) {
      const std::string kind = row["kind"];
      const double score = seed.Score(QuestionKey(row["question"]), row["answer"].get<std::string>());
      CAPTURE(entry.path().filename().string());
      CAPTURE(kind);
      REQUIRE(bands.count(kind));
      CHECK(score >= bands.at(kind).min);
      CHECK(score <= bands.at(kind).max);
      grades.push_back(row["grade"].get<double>());
      scores.push_back(score);
      ++n;
    }
  }
  CHECK(n >= 75);
  MESSAGE("probes n=" << n << " spearman=" << bot::Spearman(grades, scores)
                      << " mae=" << bot::MeanAbsoluteError(grades, scores));
}
