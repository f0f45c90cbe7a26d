// Error: an expected failure of a bot operation, as a value: what kind of failure it is, a stable
// machine code, a message for people, and the request field at fault ("" when none). The kind says
// what a caller can do about it; each transport maps kinds to its own answers (bot/http to status
// codes, bot/slack to a notice or a retry), so nothing here knows about either.
#ifndef BOT_CORE_ERROR_H_
#define BOT_CORE_ERROR_H_

#include <optional>
#include <string>

namespace bot {

enum class ErrorKind {
  kInvalid,       // the input is wrong: a field's type, value or format; fix it and send again
  kNotFound,      // no such session, question or route
  kEnded,         // the interview has ended; nothing more can be sent to it
  kTooLarge,      // an answer or body over its limit
  kUnauthorized,  // a request whose signature does not verify
  kConflict,      // the session changed under this turn (a stale version); reload and apply again
  kDuplicate,     // this delivery was processed already (by another worker); nothing to do
  kStorage,       // the database failed; the same request may succeed later
  kUnavailable,   // a feature that is not configured, or a dependency that is down
  kInternal,      // a bug
};

// "invalid", "not_found", ... for logs and test output.
const char* ToString(ErrorKind kind);

struct Error {
  ErrorKind kind = ErrorKind::kInvalid;
  std::string code, message, field;
  bool operator==(const Error& o) const {
    return kind == o.kind && code == o.code && message == o.message && field == o.field;
  }
};

using MaybeError = std::optional<Error>;

// The storage error callers see: the underlying text goes to the log, never to clients.
Error StorageError(const std::string& what);

}  // namespace bot

#endif  // BOT_CORE_ERROR_H_
