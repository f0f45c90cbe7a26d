// Args: the command line of one sub-command: positional arguments and --flags, checked against the
// flags the command accepts so that unknown ones are reported with the valid list.
// Not thread-safe; a plain value.
#ifndef BOT_CLI_ARGS_H_
#define BOT_CLI_ARGS_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace bot {

struct FlagSpec {
  std::string name;   // without "--"
  bool takes_value;   // "--file F" vs "--json"
  std::string help;   // one line for --help
};

class Args {
 public:
  // Parses argv[first..]; on a problem returns nullopt and sets *error.
  static std::optional<Args> Parse(const std::vector<std::string>& argv, size_t first,
                                   const std::vector<FlagSpec>& specs, std::string* error);

  bool Has(const std::string& flag) const { return values_.count(flag) > 0; }
  std::string Get(const std::string& flag, const std::string& fallback = "") const;
  const std::vector<std::string>& positional() const { return positional_; }

  static std::string Usage(const std::vector<FlagSpec>& specs);

 private:
  std::map<std::string, std::string> values_;
  std::vector<std::string> positional_;
};

// A flag's whole number: digits only, from `min` to `max`. False (and *out untouched) otherwise.
bool ParseInt(const std::string& s, int min, int max, int* out);

}  // namespace bot

#endif  // BOT_CLI_ARGS_H_
