#include "text.h"

#include <doctest/doctest.h>

#include "test_util.h"

#include <string>
#include <vector>

using namespace rubric::internal;

TEST_CASE("RepairUtf8 replaces every invalid sequence and keeps valid text") {
  struct Case {
    std::string in, out;
  };
  const std::vector<Case> cases = {
      {"plain", "plain"},
      {"caf\xC3\xA9", "caf\xC3\xA9"},
      {"a\xFF" "b", "a\xEF\xBF\xBD" "b"},
      {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD"},                          // overlong '/'
      {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},          // surrogate
      {"x\xE2\x82", "x\xEF\xBF\xBD\xEF\xBF\xBD"},                        // truncated
      {std::string("a\0b", 3), "a\xEF\xBF\xBD" "b"},
      {"\xF4\x90\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // > U+10FFFF
  };
  for (const auto& c : cases) {
    CAPTURE(c.in);
    CHECK(RepairUtf8(c.in) == c.out);
  }
}

TEST_CASE("CountCodePoints counts characters, not bytes") {
  CHECK(CountCodePoints("abc") == 3);
  CHECK(CountCodePoints("caf\xC3\xA9") == 4);
  CHECK(CountCodePoints("\xF0\x9F\x98\x80") == 1);
}

TEST_CASE("Normalize lowercases and unifies quotes, dashes and spaces") {
  struct Case {
    std::string in, out;
  };
  const std::vector<Case> cases = {
      {"Fix the N+1 Query", "fix the n+1 query"},
      {"P95 went from 200ms to 2\xE2\x80\x93" "3 seconds", "p95 went from 200ms to 2-3 seconds"},
      {"It\xE2\x80\x99s \xE2\x80\x9C" "fine\xE2\x80\x9D", "it's \"fine\""},
      {"Costs $500K/month \xE2\x80\x94 ouch", "costs $500k/month - ouch"},
      {"  many   spaces\there  ", "many spaces here"},
      {"wait\xE2\x80\xA6 what", "wait... what"},
      {"no\xC2\xA0" "break", "no break"},
      {"zero\xE2\x80\x8Bwidth", "zerowidth"},
      {"First line.\nSecond line", "first line.\nsecond line"},
      {"wrapped\nline continues", "wrapped line continues"},
      {"note one\nNote two", "note one\nnote two"},
      {"wrapped at\nI think", "wrapped at i think"},
      {"intro\n- item one\n- item two", "intro\n- item one\n- item two"},
      {"para one\n\npara two", "para one\npara two"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.in);
    CHECK(Normalize(c.in).text == c.out);
  }
}

TEST_CASE("Normalize maps every output byte back to its input offset") {
  const std::string in = "A \xE2\x80\x9CQuote\xE2\x80\x9D here";
  const NormalizedText n = Normalize(in);
  REQUIRE(n.text == "a \"quote\" here");
  REQUIRE(n.origin.size() == n.text.size() + 1);
  CHECK(n.origin[2] == 2);                 // opening quote starts at byte 2
  CHECK(n.origin[3] == 5);                 // 'q' after the 3-byte quote
  CHECK(n.origin.back() == in.size());
  CHECK(in.substr(n.origin[3], 5) == "Quote");
}

TEST_CASE("SplitSentences splits on terminal punctuation and hard breaks only") {
  struct Case {
    std::string text;
    std::vector<std::string> sentences;
  };
  const std::vector<Case> cases = {
      {"we add a key. then retry!", {"we add a key.", "then retry!"}},
      {"p95 is 2.5 seconds, e.g. on login.", {"p95 is 2.5 seconds, e.g. on login."}},
      {"why? because.", {"why?", "because."}},
      {"first\nsecond line", {"first", "second line"}},
      {"- one item\n- two item", {"one item", "two item"}},
      {"", {}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto got = SplitSentences(c.text);
    std::vector<std::string> texts;
    for (const auto& s : got) texts.push_back(c.text.substr(s.begin, s.end - s.begin));
    CHECK(texts == c.sentences);
  }
}

TEST_CASE("Sentences are classified as statements, term lists, fragments or questions") {
  struct Case {
    std::string text;
    bool list_like, fragment, question;
  };
  const std::vector<Case> cases = {
      {"i would add an idempotency key so a retry cannot charge twice.", false, false, false},
      {"cqrs, kafka, sagas, outbox, event sourcing, tco.", true, false, false},
      {"conway's law cap theorem event sourcing cqrs kafka observability", true, false, false},
      {"use sagas.", false, true, false},
      {"should we shard the database?", false, false, true},
      {"signals: consumer lag p95, pool use above 70% sustained, cost per 1k messages, deploy "
       "rollback rate.",
       false, false, false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto got = SplitSentences(c.text);
    REQUIRE(got.size() == 1);
    CHECK(got[0].list_like == c.list_like);
    CHECK(got[0].fragment == c.fragment);
    CHECK(got[0].question == c.question);
  }
}

TEST_CASE("Words keeps technical tokens whole") {
  const auto words = Words("n+1 queries in node.js don't hit p95; $500k/month");
  const std::vector<std::string_view> expected = {"n+1", "queries", "in", "node.js", "don't",
                                                  "hit", "p95", "500k/month"};
  CHECK(words == expected);
}
