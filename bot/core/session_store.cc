#include "core/session_store.h"

namespace bot {

Error UnknownSession() {
  return Error{ErrorKind::kNotFound, "unknown_session", "no interview has this id", "id"};
}

Error VersionConflict(const std::string& session_id, int64_t expected_version) {
  return Error{ErrorKind::kConflict, "conflict",
               "interview " + session_id + " is no longer at version " +
                   std::to_string(expected_version) + "; it changed while this turn ran",
               ""};
}

Error AlreadyProcessed(int64_t inbox_id) {
  return Error{ErrorKind::kDuplicate, "already_processed",
               "inbox delivery " + std::to_string(inbox_id) + " was processed already", ""};
}

}  // namespace bot
