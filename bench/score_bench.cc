// Scoring throughput and latency on one core for answers of 100, 400, 1,000 and 10,000 words, with
// the bare one-pass pattern match over the same text as the peer (the floor any scorer built on
// the bank's RE2::Set pays). Usage: score_bench [--content DIR] [--seconds S] [--words N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "pattern_set.h"
#include "rubric/scorer.h"
#include "text.h"

namespace {

using Clock = std::chrono::steady_clock;

// An answer of exactly `words` words built from a strong answer, repeated as needed.
std::string AnswerOfWords(const std::string& model, int words) {
  std::vector<std::string> tokens;
  size_t i = 0;
  while (i < model.size()) {
    while (i < model.size() && std::isspace(static_cast<unsigned char>(model[i]))) ++i;
    const size_t b = i;
    while (i < model.size() && !std::isspace(static_cast<unsigned char>(model[i]))) ++i;
    if (i > b) tokens.push_back(model.substr(b, i - b));
  }
  std::string out;
  for (int w = 0; w < words; ++w) out += tokens[w % tokens.size()] + " ";
  return out;
}

struct Figures {
  double per_second, p50_us, p99_us;
};

template <typename F>
Figures Measure(double seconds, F&& f) {
  std::vector<double> samples;
  const auto end = Clock::now() + std::chrono::duration<double>(seconds);
  while (Clock::now() < end) {
    const auto t0 = Clock::now();
    f();
    samples.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
  }
  double total = 0;
  for (double s : samples) total += s;
  std::sort(samples.begin(), samples.end());
  return {samples.size() / (total / 1e6), samples[samples.size() / 2],
          samples[std::min(samples.size() - 1, samples.size() * 99 / 100)]};
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = SEED_BANK_DIR;
  double seconds = 2.0;
  std::vector<int> sizes = {100, 400, 1000, 10000};
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!strcmp(argv[i], "--content")) dir = argv[i + 1];
    if (!strcmp(argv[i], "--seconds")) seconds = atof(argv[i + 1]);
    if (!strcmp(argv[i], "--words")) sizes = {atoi(argv[i + 1])};
  }
  rubric::Status status;
  auto bank = rubric::LoadBank(dir, &status);
  if (!bank) {
    fprintf(stderr, "%s", status.ToString().c_str());
    return 1;
  }
  const auto t0 = Clock::now();
  // No answer limit here: the 10,000-word case is over the API's 20,000 characters on purpose.
  auto scorer = rubric::Scorer::Compile(*bank, &status, 1 << 30);
  const double compile_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  size_t patterns = 0;
  for (const auto& q : bank->questions) {
    for (const auto& c : q.rubric.concepts) patterns += c.patterns.size();
    for (const auto& f : q.rubric.red_flags) patterns += f.patterns.size();
  }
  printf("bank: %zu questions, %zu patterns; compile %.1f ms\n", bank->questions.size(), patterns,
         compile_ms);

  // The peer: the same patterns in one RE2::Set, matched once over each sentence.
  rubric::internal::PatternSet bare;
  std::string error;
  for (const auto& q : bank->questions) {
    for (const auto& c : q.rubric.concepts) {
      for (const auto& p : c.patterns) bare.Add(p, &error);
    }
    for (const auto& f : q.rubric.red_flags) {
      for (const auto& p : f.patterns) bare.Add(p, &error);
    }
  }
  bare.Compile();

  // The text: the "strong" probe answer for question 4, a typical prose answer of 337 words.
  const rubric::Question& q = bank->questions[3];
  std::string strong;
  {
    std::ifstream in(PROBES_FILE);
    for (std::string line; std::getline(in, line);) {
      auto j = nlohmann::json::parse(line);
      if (j["kind"] == "strong") strong = j["answer"];
    }
  }
  if (strong.empty()) {
    fprintf(stderr, "no strong answer in %s\n", PROBES_FILE);
    return 1;
  }
  printf("question: %s, text: its strong probe answer repeated; one thread; %.1f s per figure\n\n",
         q.id.c_str(), seconds);
  printf("%8s %12s %10s %10s %11s %14s %12s\n", "words", "scores/s", "p50 us", "p99 us",
         "ns/word", "bare-pass/s", "score/bare");
  for (int words : sizes) {
    const std::string answer = AnswerOfWords(strong, words);
    rubric::Result r;
    // Warm the DFA caches, as a server's first requests do.
    for (int i = 0; i < 3; ++i) scorer->Score(q.id, answer, &r);
    const Figures score = Measure(seconds, [&] { scorer->Score(q.id, answer, &r); });
    const auto norm = rubric::internal::Normalize(answer);
    const auto sentences = rubric::internal::SplitSentences(norm.text);
    const Figures peer = Measure(seconds, [&] {
      std::vector<int> hits;
      for (const auto& s : sentences) {
        bare.Match(std::string_view(norm.text).substr(s.begin, s.end - s.begin), &hits);
      }
    });
    printf("%8d %12.0f %10.1f %10.1f %11.1f %14.0f %12.2f\n", words, score.per_second,
           score.p50_us, score.p99_us, 1e9 / score.per_second / words, peer.per_second,
           peer.per_second / score.per_second);
  }
  printf("\nset fallbacks to per-pattern matching: %ld\n", bare.fallbacks());
  return 0;
}
