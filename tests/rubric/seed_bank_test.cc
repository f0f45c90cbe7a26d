// The seed bank against its own reference scores, the probe answers the rubric authors wrote for
// generality (tests/data/probes) and the blind development set (tests/data/dev): the figures
// docs/scoring.md claims, asserted with small margins. The shared calibration answers are in
// tests/shared_data.
#include <doctest/doctest.h>

#include "jsonl.h"
#include "test_util.h"

#include <cmath>
#include <filesystem>
#include <map>
#include <set>

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

namespace {

// What docs/scoring.md claims for one half of the dev set: agreement with the graders, and how many
// answers of the styles the issue names land where they must.
struct DevClaim {
  std::string half;
  double min_spearman, max_mae;
  int dismissals_at_most_2_5, salads_at_most_2_5, off_topic_at_most_2_5, wrong_at_most_3,
      plain_strong_within_1_5;
};

// How well the two graders of a graded set agree: Spearman between their grades.
double GradersAgree(const std::vector<nlohmann::json>& rows) {
  std::vector<double> first, second;
  for (const auto& row : rows) {
    first.push_back(row["grades"][0].get<double>());
    second.push_back(row["grades"][1].get<double>());
  }
  return bot::Spearman(first, second);
}

bool In(const std::set<std::string>& styles, const std::string& style) {
  return styles.count(style) > 0;
}

}  // namespace

TEST_CASE("The dev set's graders agree, and the scorer reaches the figures docs/scoring.md claims") {
  const auto rows = ReadJsonl(TEST_DATA_DIR "/dev/answers.jsonl");
  REQUIRE(rows.size() == 300);
  CHECK(GradersAgree(rows) >= 0.98);

  Seed seed;
  // The holdout half was never tuned on: its figures are the honest ones.
  const std::vector<DevClaim> claims = {
      {"tune", 0.955, 0.65, 15, 7, 8, 15, 22},
      {"holdout", 0.835, 0.98, 10, 8, 5, 13, 16},
  };
  for (const auto& claim : claims) {
    CAPTURE(claim.half);
    std::vector<double> grades, scores;
    int dismissals = 0, salads = 0, off_topic = 0, wrong = 0, plain = 0;
    for (const auto& row : rows) {
      if (row["half"] != claim.half) continue;
      const std::string style = row["style"];
      const double grade = row["grade"].get<double>();
      const double score = seed.Score(QuestionKey(row["question"]), row["answer"].get<std::string>());
      grades.push_back(grade);
      scores.push_back(score);
      dismissals += In({"dismissive", "dismissive-alt"}, style) && score <= 2.5;
      salads += style == "keyword-salad" && score <= 2.5;
      off_topic += style == "off-topic" && score <= 2.5;
      wrong += In({"confidently-wrong", "confidently-wrong-alt"}, style) && score <= 3.0;
      plain += In({"story-plain", "non-native", "terse-notes"}, style) && std::abs(score - grade) <= 1.5;
    }
    const double spearman = bot::Spearman(grades, scores);
    const double mae = bot::MeanAbsoluteError(grades, scores);
    MESSAGE(claim.half << ": n=" << grades.size() << " spearman=" << spearman << " mae=" << mae
                       << " dismissals<=2.5:" << dismissals << " salads<=2.5:" << salads
                       << " off-topic<=2.5:" << off_topic << " wrong<=3:" << wrong
                       << " plain-strong within 1.5:" << plain);
    CHECK(grades.size() == 150);
    CHECK(spearman >= claim.min_spearman);
    CHECK(mae <= claim.max_mae);
    CHECK(dismissals >= claim.dismissals_at_most_2_5);
    CHECK(salads >= claim.salads_at_most_2_5);
    CHECK(off_topic >= claim.off_topic_at_most_2_5);
    CHECK(wrong >= claim.wrong_at_most_3);
    CHECK(plain >= claim.plain_strong_within_1_5);
  }
}

// The blind sets written after the dev set (tests/data/train, tuned on; tests/data/validation,
// measured to choose between changes): their graders agree, and the scorer reaches what
// docs/scoring.md claims.
TEST_CASE("The training and validation sets: graders agree, and the scorer reaches the claimed figures") {
  struct Claim {
    std::string file;
    size_t answers;
    double min_spearman, max_mae;
  };
  const std::vector<Claim> claims = {
      {TEST_DATA_DIR "/train/answers.jsonl", 180, 0.91, 0.85},
      {TEST_DATA_DIR "/validation/answers.jsonl", 120, 0.76, 1.28},
  };
  Seed seed;
  for (const auto& claim : claims) {
    CAPTURE(claim.file);
    const auto rows = ReadJsonl(claim.file);
    REQUIRE(rows.size() == claim.answers);
    std::vector<double> grades, scores;
    for (const auto& row : rows) {
      grades.push_back(row["grade"].get<double>());
      scores.push_back(seed.Score(QuestionKey(row["question"]), row["answer"].get<std::string>()));
    }
    const double spearman = bot::Spearman(grades, scores);
    const double mae = bot::MeanAbsoluteError(grades, scores);
    MESSAGE(claim.file << ": n=" << grades.size() << " spearman=" << spearman << " mae=" << mae);
    CHECK(GradersAgree(rows) >= 0.97);
    CHECK(spearman >= claim.min_spearman);
    CHECK(mae <= claim.max_mae);
  }
}
