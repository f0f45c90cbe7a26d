// Slack mrkdwn text: escaping and cutting on character boundaries.
#include "core/mrkdwn.h"

#include <doctest/doctest.h>

namespace bot {
namespace {

TEST_CASE("EscapeMrkdwn escapes exactly &, < and >") {
  CHECK(EscapeMrkdwn("<script>alert('x')</script> & <!channel> *bold*") ==
        "&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;!channel&gt; *bold*");
}

TEST_CASE("TruncateUtf8 counts characters, not bytes") {
  CHECK(TruncateUtf8("abc", 3) == "abc");
  CHECK(TruncateUtf8("abcd", 3) == "ab…");
  CHECK(TruncateUtf8("ééé", 3) == "ééé");
  CHECK(TruncateUtf8("éééé", 3) == "éé…");
}

}  // namespace
}  // namespace bot
