#include "stance.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "marked.h"
#include "text.h"

using rubric::internal::DismissesPrevious;
using rubric::internal::MayReject;
using rubric::internal::RejectsMention;

// Each frame of rejection, in wordings of its own, against endorsements that look alike.
TEST_CASE("RejectsMention: dismissal, concession and attribution frames, and their look-alikes") {
  struct Case {
    std::string sentence;
    bool rejected;
  };
  const std::vector<Case> cases = {
      // Evaluations that dismiss, after the mention.
      {"[a staged rollout] is pure ceremony for a change this small", true},
      {"[chaos testing] feels like busywork at our size", true},
      {"honestly [a reconciliation job] is a band-aid", true},
      {"[the circuit breaker] just adds moving parts", true},
      {"[distributed tracing] won't tell us anything new", true},
      {"[read replicas] are a red herring", true},
      {"[an error budget] is nice to have", true},
      {"[load testing] at this scale is an academic exercise", true},
      {"[a canary] is not worth the setup", true},
      {"[the kubernetes move] turned out to be more trouble than it was worth", false},
      {"back then [the rewrite] was overkill", false},
      {"[sagas] would be overkill for three writes", true},
      {"[a dry run] with gates at every step and a sign-off is overkill", true},
      {"nobody reads [the runbook]", true},
      {"[the profiler] won't get you anywhere here", true},
      {"[percentage rollouts] are less useful than people think", true},
      {"[adrs] are documents nobody opens after the first week", true},
      {"[reverse replication] for rollback is a fantasy with three engineers", true},
      {"[the profiler] will get you anywhere you need to go", false},
      {"i'd leave [the pagination] alone", true},
      {"we can rule out [replica lag] quickly", true},
      {"stay away from [a global lock]", true},
      {"leave [a margin] for retries", false},
      // ... and look-alikes that keep the mention.
      {"[a staged rollout] is not overkill here", false},
      {"[an idempotency key] only adds one column", false},
      {"[a saga] adds complexity, but it is the right call", false},
      {"[the outbox] keeps the event and the write in one commit", false},
      // Concessions set up for a contrast.
      {"[blue-green deploys] sound great on paper, but we would double the fleet", true},
      {"in theory [a canary] catches it, but nobody watches the graphs", true},
      {"sure, [a feature flag] helps, but we don't need one here", true},
      {"[circuit breakers] are fine for big companies, but they are overkill for us", true},
      {"of course we add [an idempotency key], but we also reconcile nightly", false},
      {"[a canary] is cheap, but it needs a good metric", false},
      {"[two-phase commit] exists, but when the coordinator dies nobody can write", true},
      {"[a rewrite] is technically possible, but nobody would fund it", true},
      {"[an outbox] exists in our codebase, but we also need a reconciliation job", false},
      // A pattern may stretch a mention over the contrast; the concession before it still counts.
      {"[two-phase commit exist, but when coordinator] die, no participant can write", true},
      {"[blue-green sounds great, but doubles] the fleet", true},
      // Attributions to others.
      {"people always blame [the query plan] first", true},
      {"people think [kafka's exactly-once delivery] removes the need for compensation", true},
      {"some teams claim [a distributed lock] fixes it", true},
      {"everyone reaches for [a distributed lock] here", true},
      {"the first instinct is to add [an index]", true},
      {"people blame the network, but [the connection pool] is the real cause", false},
      {"most teams would add [a cache], and so would i", false},
      {"the textbook says you add [a circuit breaker] per dependency", true},
      {"everyone's going to say [feature flags] and a canary", true},
      {"the recommended checklist is [a runbook], a drill and a retro", true},
      {"the standard answer is [an outbox], and that's what i'd do here", false},
      // Sarcasm mocks what it lists, up to a contrast.
      {"oh sure, let's add [a saga] and a workflow engine", true},
      {"great, let's also build [a reconciliation job] while we're at it", true},
      {"oh sure, that sounds slow, but [a transaction] is what fits", false},
      {"[the schema] is lovely on a whiteboard", true},
      {"[trace ids] are rarely the answer", true},
      // Rejection verbs and negations still reject.
      {"i'd skip [the postmortem] this time", true},
      {"we can ignore [replica lag] entirely", true},
      {"i wouldn't bother with [a runbook]", true},
      {"i would not skip [the postmortem]", false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.sentence);
    size_t b = 0, e = 0;
    const std::string text = Marked(c.sentence, &b, &e);
    CHECK(RejectsMention(text, b, e) == c.rejected);
    if (c.rejected) CHECK(MayReject(text));
  }
}

TEST_CASE("SameAsPrevious: a sentence that extends the verdict before it") {
  CHECK(rubric::internal::SameAsPrevious("same with tracing: weeks of work"));
  CHECK(rubric::internal::SameAsPrevious("and the same goes for the runbook"));
  CHECK_FALSE(rubric::internal::SameAsPrevious("the same team owns both services"));
}

TEST_CASE("DismissesPrevious: a sentence that dismisses what the one before named") {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"no need.", true},
      {"overkill, frankly.", true},
      {"not worth it.", true},
      {"that's pure theatre.", true},
      {"in practice it is busywork", true},
      {"honestly, all of that is overengineering for a team of four", true},
      {"they just add moving parts", true},
      {"that's why we need it", false},
      {"that was overkill, in hindsight", false},
      {"i'd skip basically all of it.", true},
      {"we can pass on most of that", true},
      {"sounds nice on paper, but nobody reads them", true},
      {"nice idea, but not worth it at our size", true},
      {"nice idea, and we shipped it in a week", false},
      {"reasonable plan, but the first step needs a load test", false},
      {"it cuts the p95 from 2 s to 40 ms", false},
      {"the team found the bug in a day", false},
      {"that is exactly what the outbox is for", false},
  };
  for (const auto& c : cases) {
    const std::string& sentence = c.first;
    CAPTURE(sentence);
    CHECK(DismissesPrevious(sentence) == c.second);
  }
}
