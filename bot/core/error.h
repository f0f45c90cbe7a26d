// Error: an expected failure of a bot operation, as a value: the HTTP status it maps to, a stable
// machine code, a message for people, and the request field at fault ("" when none).
#ifndef BOT_CORE_ERROR_H_
#define BOT_CORE_ERROR_H_

#include <optional>
#include <string>

namespace bot {

struct Error {
  int status = 400;
  std::string code, message, field;
  bool operator==(const Error& o) const {
    return status == o.status && code == o.code && message == o.message && field == o.field;
  }
};

using MaybeError = std::optional<Error>;

}  // namespace bot

#endif  // BOT_CORE_ERROR_H_
