#include "slack/slack_text.h"

#include <doctest/doctest.h>

TEST_CASE("PlainFromSlack undoes Slack's escaping and markup") {
  struct Case {
    const char* slack;
    const char* typed;
  };
  const Case cases[] = {
      {"plain answer", "plain answer"},
      {"if a &lt; b &amp;&amp; b &gt; c", "if a < b && b > c"},
      {"&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>"},
      {"&amp;lt; stays an entity", "&lt; stays an entity"},
      {"see <https://example.com/a?b=1&amp;c=2>", "see https://example.com/a?b=1&c=2"},
      {"see <https://example.com|the docs> first", "see the docs first"},
      {"<@U123> start", "@U123 start"},
      {"in <#C42|general> and <!here>", "in #general and @here"},
      {"unclosed < is kept", "unclosed < is kept"},
      {"", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.slack);
    CHECK(bot::PlainFromSlack(c.slack) == c.typed);
  }
}
