// TempPath: a file path in a directory of this test process's own, made with mkdtemp and removed
// when the process exits. A per-pid name is not enough: pids come back, and a later test would
// open an earlier run's database. Not thread-safe on first use.
#ifndef TESTS_TEMP_PATH_H_
#define TESTS_TEMP_PATH_H_

#include <stdlib.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <system_error>

namespace bot {

inline std::string TempPath(const std::string& file) {
  struct Dir {
    std::string path;
    Dir() {
      std::string pattern = (std::filesystem::temp_directory_path() / "interview-bot-test-XXXXXX").string();
      if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed for " + pattern);
      path = pattern;
    }
    ~Dir() {
      std::error_code ignored;
      std::filesystem::remove_all(path, ignored);
    }
  };
  static const Dir dir;
  return (std::filesystem::path(dir.path) / file).string();
}

}  // namespace bot

#endif  // TESTS_TEMP_PATH_H_
