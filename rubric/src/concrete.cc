#include "concrete.h"

#include <map>
#include <memory>

#include <re2/re2.h>

#include "depth.h"

namespace rubric::internal {
namespace {

#define NUMBER R"((\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a hundred|a dozen|a couple of|a few))"

const std::map<std::string, std::string>& Patterns() {
  static const auto* patterns = new std::map<std::string, std::string>{
      {"quantities", DepthPattern(kNumbers)},
      {"team",
       R"(\b(team|group|squad) of )" NUMBER R"(\b|\b)" NUMBER
       R"( (of us|engineers|developers|devs|people|person team|-person team)\b|\b\d+-person\b)"},
      {"money",
       R"((\$|£|€) ?\d|\b\d[\d,.]*\s?(k|m|million|billion|thousand)? ?(dollars|euros|pounds|usd|eur|gbp)\b|)"
       R"(\b(thousand|million|billion) (dollars|euros|pounds)\b)"},
      {"durations",
       R"(\b)" NUMBER R"( (more |extra |long |whole |full )?(days?|weeks?|months?|quarters?|years?|sprints?)\b|)"
       R"(\b(a|an|half a|one) (day|week|month|quarter|year|sprint)\b)"},
      {"dates",
       R"(\b(19|20)\d\d\b|\b(january|february|march|april|june|july|august|september|october|)"
       R"(november|december)\b|\blast (year|quarter|month|spring|summer|autumn|fall|winter)\b)"},
  };
  return *patterns;
}

const RE2* Compiled(const std::string& kind) {
  static const auto* compiled = [] {
    auto* out = new std::map<std::string, std::unique_ptr<RE2>>();
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingLatin1);
    options.set_case_sensitive(false);
    for (const auto& [k, pattern] : Patterns()) (*out)[k] = std::make_unique<RE2>(pattern, options);
    return out;
  }();
  auto it = compiled->find(kind);
  return it == compiled->end() ? nullptr : it->second.get();
}

}  // namespace

const std::vector<std::string>& ConcreteKinds() {
  static const auto* kinds =
      new std::vector<std::string>{"quantities", "team", "money", "durations", "dates"};
  return *kinds;
}

bool FindConcrete(const std::string& kind, std::string_view sentence, size_t* begin, size_t* end) {
  const RE2* re = Compiled(kind);
  re2::StringPiece match;
  const re2::StringPiece input(sentence.data(), sentence.size());
  if (!re || !re->Match(input, 0, input.size(), RE2::UNANCHORED, &match, 1)) return false;
  *begin = static_cast<size_t>(match.data() - input.data());
  *end = *begin + match.size();
  return true;
}

}  // namespace rubric::internal
