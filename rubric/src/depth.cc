#include "depth.h"

#include <algorithm>

#include <re2/re2.h>

namespace rubric::internal {
namespace {

struct Detectors {
  RE2 numbers, tradeoffs, risks, verification;
  static RE2::Options Options() {
    RE2::Options o;
    o.set_case_sensitive(false);
    o.set_log_errors(false);
    return o;
  }
  Detectors()
      : numbers(
            // $500k, 2-3 seconds, 70%, 10k/sec, p95, 3x, 50m users, 10tb.
            R"((\$ ?\d[\d,.]*\s?(k|m|b|mm|million|billion|thousand)?\b)|)"
            R"((\b\d[\d,.]*(\s?-\s?\d[\d,.]*)?\s?(%|percent\b|x\b|k\b|m\b|ms\b|milliseconds?|s\b|secs?\b|seconds?|minutes?|mins?\b|hours?|hrs?\b|h\b|days?|weeks?|months?|quarters?|years?|gb\b|mb\b|tb\b|kb\b|rps\b|qps\b|tps\b|req|requests|users|engineers|people|devs|developers|services|servers|nodes|instances|connections|queries|calls|rows|records|tables|teams|sprints|lines|loc\b|/s\b|/sec|/min|/day|/month|/year|per\b))|)"
            R"((\bp(50|75|90|95|99|999)\b))",
            Options()),
        tradeoffs(
            R"(\btrade-?offs?\b|\bat the (cost|expense) of\b|\bin exchange for\b|\bdownsides?\b|)"
            R"(\bdrawbacks?\b|\bversus\b|\bvs\b|\binstead of\b|\brather than\b|\bon the other hand\b|)"
            R"(\bpros and cons\b|\bcheaper\b|\bmore expensive\b|\bworth (it|the)\b|\bsacrific|)"
            R"(\bcompromise\b|\bbut (it|this|that) (means|costs|adds|requires|makes|gives)\b|)"
            R"(\bthe price (is|of)\b|\bgive up\b|\bin return\b|\bcosts? (us|more|less)\b|\bbalance\b|)"
            R"(\bbetter than\b|\bworse\b|\bcomplexity\b|\boverhead\b)",
            Options()),
        risks(
            R"(\brisks?\b|\brisky\b|\broll ?back|\bfall ?back|\bblast radius\b|\bfailure modes?\b|)"
            R"(\bworst case\b|\bmitigat|\bkill[- ]switch|\bcircuit breaker|\bcanary\b|\brevert|)"
            R"(\bback ?out\b|\bcontingenc|\bsafety net\b|\bguardrails?\b|\bif (it|this|that) (fails|breaks|goes wrong)\b|)"
            R"(\bgo wrong\b|\bgoes wrong\b|\bdata loss\b|\boutage\b|\bdegrad|\bescape hatch\b|\bfeature flag)",
            Options()),
        verification(
            R"(\bmeasur|\bverif|\bvalidat|\bmonitor|\bmetrics?\b|\bdashboards?\b|\balert|\bload[- ]?test|)"
            R"(\bbenchmark|\bexplain\b|\bprofil|\bconfirm|\ba/b\b|\bexperiment|\breconcil|\bcompar|)"
            R"(\bcheck (that|whether|if|the)\b|\bobservab|\btracing\b|\btrace\b|\blogs?\b|\bsla\b|\bslo\b|)"
            R"(\bthreshold|\bassert|\bsmoke test|\bcheck ?sums?\b|\baudit)",
            Options()) {}
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

DepthCounts CountDepth(std::string_view sentence) {
  const Detectors& d = Get();
  DepthCounts c;
  c.numbers = CountMatches(d.numbers, sentence);
  c.tradeoffs = CountMatches(d.tradeoffs, sentence);
  c.risks = CountMatches(d.risks, sentence);
  c.verification = CountMatches(d.verification, sentence);
  return c;
}

double DepthScore(const DepthCounts& c) {
  const auto saturate = [](int n, double full) { return std::min(1.0, n / full); };
  return 0.4 * saturate(c.numbers, 6) + 0.2 * saturate(c.tradeoffs, 3) +
         0.2 * saturate(c.risks, 3) + 0.2 * saturate(c.verification, 3);
}

}  // namespace rubric::internal
