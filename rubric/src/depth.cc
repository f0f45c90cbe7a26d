#include "depth.h"

#include <algorithm>
#include <memory>

#include <re2/re2.h>

namespace rubric::internal {
namespace {

// Numbers written as words, for quantities in plain stories.
#define NUMBER_WORD                                                                              \
  "(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|" \
  "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"  \
  "hundred|thousand|million|billion|dozen|hundreds|thousands|millions|a couple of|a dozen)"

// One pattern per DepthKind, in enum order.
const std::string* const* Patterns() {
  static const std::string* const patterns[kDepthKinds] = {
      // Numbers: $500k, 2-3 seconds, 70%, 10k/sec, p95, 3x, 50m users, 10tb.
      new std::string(
          R"((\$ ?\d[\d,.]*\s?(k|m|b|mm|million|billion|thousand)?\b)|)"
          R"((\b\d[\d,.]*(\s?-\s?\d[\d,.]*)?\s?(%|percent\b|x\b|k\b|m\b|ms\b|milliseconds?|s\b|)"
          R"(secs?\b|seconds?|minutes?|mins?\b|hours?|hrs?\b|h\b|days?|weeks?|months?|quarters?|)"
          R"(years?|gb\b|mb\b|tb\b|kb\b|rps\b|qps\b|tps\b|req|requests|users|engineers|people|devs|)"
          R"(developers|services|servers|nodes|instances|connections|queries|calls|rows|records|)"
          R"(tables|teams|sprints|lines|loc\b|/s\b|/sec|/min|/day|/month|/year|per\b))|)"
          R"((\bp(50|75|90|95|99|999)\b)|)"
          // ... and the same told in words, as plain stories do: "forty orders", "half a second",
          // "five of us", "a team of six", "in 2019", "£40,000".
          R"(([£€] ?\d[\d,.]*\s?(k|m|million|billion)?\b)|)"
          R"((\b(in|since|by|from|until|of|early|late|mid) (19|20)\d\d\b)|)"
          R"((\b(team|group|squad) of (\d+|)" NUMBER_WORD R"()\b)|(\b(\d+|)" NUMBER_WORD R"() of us\b)|)"
          R"((\b(half|a quarter|a third|a fifth|a tenth) (of )?(an? )?(second|minute|hour|day|week|)"
          R"(month|year|million|percent)\b)|)"
          R"((\b)" NUMBER_WORD R"(((-| | and )(a )?)" NUMBER_WORD R"()*( (more|extra|other|new|senior|junior|)"
          R"(full-time|backend|frontend|separate|different|small|big|large))? (seconds?|minutes?|hours?|)"
          R"(days?|weeks?|months?|quarters?|years?|percent|users|customers|engineers|developers|devs|)"
          R"(people|services|servers|machines|nodes|instances|connections|queries|calls|requests|)"
          R"(orders|trips|rows|records|tables|teams|sprints|lines|times|dollars|euros|pounds|steps|)"
          R"(copies|releases|deploys|incidents|pages|accounts|partners|clients)\b))"),
      // Trade-offs named.
      new std::string(
          R"(\btrade-?offs?\b|\bat the (cost|expense) of\b|\bin exchange for\b|\bdownsides?\b|)"
          R"(\bdrawbacks?\b|\bversus\b|\bvs\b|\binstead of\b|\brather than\b|\bon the other hand\b|)"
          R"(\bpros and cons\b|\bcheaper\b|\bmore expensive\b|\bworth (it|the)\b|\bsacrific|)"
          R"(\bcompromise\b|\bbut (it|this|that) (means|costs|adds|requires|makes|gives)\b|)"
          R"(\bthe price (is|of)\b|\bgive up\b|\bin return\b|\bcosts? (us|more|less)\b|\bbalance\b|)"
          R"(\bbetter than\b|\bworse\b|\bcomplexity\b|\boverhead\b)"),
      // Risks and rollback.
      new std::string(
          R"(\brisks?\b|\brisky\b|\broll ?back|\bfall ?back|\bblast radius\b|\bfailure modes?\b|)"
          R"(\bworst case\b|\bmitigat|\bkill[- ]switch|\bcircuit breaker|\bcanary\b|\brevert|)"
          R"(\bback ?out\b|\bcontingenc|\bsafety net\b|\bguardrails?\b|)"
          R"(\bif (it|this|that) (fails|breaks|goes wrong)\b|\bgo wrong\b|\bgoes wrong\b|)"
          R"(\bdata loss\b|\boutage\b|\bdegrad|\bescape hatch\b|\bfeature flag)"),
      // Measurement and verification.
      new std::string(
          R"(\bmeasur|\bverif|\bvalidat|\bmonitor|\bmetrics?\b|\bdashboards?\b|\balert|)"
          R"(\bload[- ]?test|\bbenchmark|\bexplain\b|\bprofil|\bconfirm|\ba/b\b|\bexperiment|)"
          R"(\breconcil|\bcompar|\bcheck (that|whether|if|the)\b|\bobservab|\btracing\b|\btrace\b|)"
          R"(\blogs?\b|\bsla\b|\bslo\b|\bthreshold|\bassert|\bsmoke test|\bcheck ?sums?\b|\baudit)"),
  };
  return patterns;
}

struct Detectors {
  std::unique_ptr<RE2> kinds[kDepthKinds];
  Detectors() {
    RE2::Options o;
    o.set_case_sensitive(false);
    o.set_log_errors(false);
    o.set_encoding(RE2::Options::EncodingLatin1);
    for (int k = 0; k < kDepthKinds; ++k) kinds[k] = std::make_unique<RE2>(*Patterns()[k], o);
  }
};

const Detectors& Get() {
  static const Detectors* detectors = new Detectors();
  return *detectors;
}

int CountMatches(const RE2& re, std::string_view text) {
  re2::StringPiece input(text.data(), text.size());
  int n = 0;
  while (RE2::FindAndConsume(&input, re)) {
    ++n;
    if (input.empty()) break;
  }
  return n;
}

}  // namespace

const std::string& DepthPattern(DepthKind kind) { return *Patterns()[kind]; }

int CountDepthKind(DepthKind kind, std::string_view sentence) {
  return CountMatches(*Get().kinds[kind], sentence);
}

DepthCounts CountDepth(std::string_view sentence) {
  DepthCounts c;
  for (int k = 0; k < kDepthKinds; ++k) c[k] = CountDepthKind(static_cast<DepthKind>(k), sentence);
  return c;
}

double DepthScore(const DepthCounts& c) {
  const auto saturate = [](int n, double full) { return std::min(1.0, n / full); };
  return 0.4 * saturate(c.numbers, 3) + 0.2 * saturate(c.tradeoffs, 3) +
         0.2 * saturate(c.risks, 3) + 0.2 * saturate(c.verification, 3);
}

}  // namespace rubric::internal
