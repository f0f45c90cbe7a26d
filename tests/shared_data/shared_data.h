// The shared data's paths for the suite that needs it; tests/with_shared_data sets them.
#ifndef TESTS_SHARED_DATA_SHARED_DATA_H_
#define TESTS_SHARED_DATA_SHARED_DATA_H_

#include <cstdlib>
#include <string>

inline std::string CalibrationFile() {
  const char* path = std::getenv("CALIBRATION_FILE");
  return path ? path : "";
}

#endif  // TESTS_SHARED_DATA_SHARED_DATA_H_
