#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "shared_data.h"

namespace {

nlohmann::json Calibrate(bool derived) {
  std::istringstream in;
  std::ostringstream out, err;
  std::vector<std::string> argv = {"interview-bot", "calibrate", "--json",
                                   "--content=" SEED_BANK_DIR, "--answers=" + CalibrationFile()};
  if (derived) argv.push_back("--derived");
  REQUIRE(bot::RunCli(argv, {in, out, err}) == 0);
  const std::string text = out.str();
  return nlohmann::json::parse(text.substr(text.rfind("\n{") + 1));
}

}  // namespace

TEST_CASE("Rubrics derived from the seed model answers alone rank the graded answers (Spearman >= 0.80)") {
  const nlohmann::json derived = Calibrate(true);
  CHECK(derived["spearman"].get<double>() >= 0.80);
  CHECK(derived["adversarial_max"].get<double>() <= 2.5);
}

TEST_CASE("The hand-written rubrics keep their calibration (Spearman >= 0.90)") {
  const nlohmann::json hand = Calibrate(false);
  CHECK(hand["spearman"].get<double>() >= 0.90);
  CHECK(hand["model_answers_outside"].get<int>() == 0);
}
