#include "core/error.h"

#include <iostream>

namespace bot {

const char* ToString(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalid: return "invalid";
    case ErrorKind::kNotFound: return "not_found";
    case ErrorKind::kEnded: return "ended";
    case ErrorKind::kTooLarge: return "too_large";
    case ErrorKind::kUnauthorized: return "unauthorized";
    case ErrorKind::kConflict: return "conflict";
    case ErrorKind::kDuplicate: return "duplicate";
    case ErrorKind::kStorage: return "storage";
    case ErrorKind::kUnavailable: return "unavailable";
    case ErrorKind::kInternal: return "internal";
  }
  return "?";
}

Error StorageError(const std::string& what) {
  std::cerr << "interview-bot: storage error: " << what << "\n";
  return Error{ErrorKind::kStorage, "storage", "the database could not complete the request; try again", ""};
}

}  // namespace bot
