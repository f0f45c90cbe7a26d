#include "cli/args.h"

namespace bot {

std::optional<Args> Args::Parse(const std::vector<std::string>& argv, size_t first,
                                const std::vector<FlagSpec>& specs, std::string* error) {
  Args args;
  for (size_t i = first; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a.size() < 3 || a.compare(0, 2, "--") != 0) {
      args.positional_.push_back(a);
      continue;
    }
    std::string name = a.substr(2), value;
    const size_t eq = name.find('=');
    const bool inline_value = eq != std::string::npos;
    if (inline_value) value = name.substr(eq + 1), name = name.substr(0, eq);
    const FlagSpec* spec = nullptr;
    for (const auto& s : specs) spec = s.name == name ? &s : spec;
    if (!spec) {
      std::string valid;
      for (const auto& s : specs) valid += (valid.empty() ? "--" : ", --") + s.name;
      *error = "unknown flag --" + name + "; valid flags: " + (valid.empty() ? "none" : valid);
      return std::nullopt;
    }
    if (spec->takes_value && !inline_value) {
      if (i + 1 >= argv.size()) {
        *error = "flag --" + name + " needs a value";
        return std::nullopt;
      }
      value = argv[++i];
    } else if (!spec->takes_value && inline_value) {
      *error = "flag --" + name + " takes no value";
      return std::nullopt;
    }
    args.values_[name] = value;
  }
  return args;
}

std::string Args::Get(const std::string& flag, const std::string& fallback) const {
  auto it = values_.find(flag);
  return it == values_.end() ? fallback : it->second;
}

std::string Args::Usage(const std::vector<FlagSpec>& specs) {
  std::string s;
  for (const auto& f : specs) {
    std::string left = "  --" + f.name + (f.takes_value ? " VALUE" : "");
    if (left.size() < 24) left.resize(24, ' ');
    s += left + " " + f.help + "\n";
  }
  return s;
}

bool ParseInt(const std::string& s, int min, int max, int* out) {
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) return false;
  const int v = std::stoi(s);
  if (v < min || v > max) return false;
  *out = v;
  return true;
}

}  // namespace bot
