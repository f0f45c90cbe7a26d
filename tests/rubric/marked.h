// Table-driven stance tests write the mention inside a sentence in [brackets].
#ifndef TESTS_RUBRIC_MARKED_H_
#define TESTS_RUBRIC_MARKED_H_

#include <doctest/doctest.h>

#include <string>

// The sentence as the scorer sees it, with the mention's [brackets] removed; *begin/*end locate it.
inline std::string Marked(const std::string& marked, size_t* begin, size_t* end) {
  const size_t open = marked.find('['), close = marked.find(']');
  REQUIRE(open != std::string::npos);
  REQUIRE(close != std::string::npos);
  *begin = open;
  *end = close - 1;
  return marked.substr(0, open) + marked.substr(open + 1, close - open - 1) +
         marked.substr(close + 1);
}

#endif  // TESTS_RUBRIC_MARKED_H_
