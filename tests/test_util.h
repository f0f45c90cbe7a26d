// Test helpers: doctest printers for the values tests compare whole.
#ifndef TESTS_TEST_UTIL_H_
#define TESTS_TEST_UTIL_H_

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "rubric/status.h"

namespace doctest {

template <>
struct StringMaker<rubric::Problem> {
  static String convert(const rubric::Problem& p) { return ("{" + p.ToString() + "}").c_str(); }
};

template <typename T>
struct StringMaker<std::vector<T>> {
  static String convert(const std::vector<T>& v) {
    String s = "[";
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) s += ", ";
      s += StringMaker<T>::convert(v[i]);
    }
    return s + "]";
  }
};

template <>
struct StringMaker<std::string> {
  static String convert(const std::string& s) { return ("\"" + s + "\"").c_str(); }
};

}  // namespace doctest

#endif  // TESTS_TEST_UTIL_H_
