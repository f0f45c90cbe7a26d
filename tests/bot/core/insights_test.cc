// Language insights: no function words among the top words, and filler only where a word is used
// as filler.
#include "core/insights.h"

#include <doctest/doctest.h>

namespace bot {
namespace {

using nlohmann::json;

json Of(const std::string& answer) { return Insights(answer, rubric::Result{}); }

}  // namespace

TEST_CASE("Top words leave out function words and everyday verbs") {
  const json i = Of("We add a cache per region, add a queue per tenant and per region; the cache "
                    "and the queue keep the database safe, the cache warms per deploy.");
  CHECK(i["top_words"] == json::parse(R"([["cache", 3], ["queue", 2], ["region", 2]])"));
}

TEST_CASE("Filler words count only where they are filler") {
  struct Case {
    std::string answer;
    json filler;
  };
  const Case cases[] = {
      {"It is not just server metrics.", json::array()},
      {"We shipped it just in time, and just in case we kept a flag.", json::array()},
      {"It was just as fast.", json::array()},
      {"I just restarted it, and it was just fine.", json::parse(R"([["just", 2]])")},
      {"Basically it is not really broken, it really is slow, you know.",
       json::parse(R"([["basically", 1], ["really", 1], ["you know", 1]])")},
      {"Does the retry actually work?", json::array()},
  };
  for (const auto& c : cases) {
    CAPTURE(c.answer);
    CHECK(Of(c.answer)["filler"] == c.filler);
  }
}

}  // namespace bot
