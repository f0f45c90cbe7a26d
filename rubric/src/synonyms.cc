#include "synonyms.h"

#include <algorithm>

#include "derive_words.h"
#include "stem.h"

namespace rubric::internal {

const std::vector<std::vector<std::string>>& BuiltinSynonyms() {
  // Kept to pairs an interviewer would accept without a second thought; a loose group (say
  // "fast" with "good") would credit vague answers.
  static const auto* groups = new std::vector<std::vector<std::string>>{
      {"delete", "remove", "erase", "drop"},
      {"insert", "add", "append", "push"},
      {"find", "search", "locate", "look up", "lookup"},
      {"modify", "change", "alter", "update", "edit"},
      {"create", "construct", "instantiate", "allocate"},
      {"execute", "run", "invoke", "call"},
      {"error", "exception", "failure", "fault"},
      {"bug", "defect"},
      {"function", "method", "procedure", "subroutine", "routine"},
      {"parameter", "argument"},
      {"element", "item", "entry"},
      {"size", "length", "count"},
      {"beginning", "start", "front", "head"},
      {"end", "tail", "rear"},
      {"fast", "quick", "efficient"},
      {"slow", "inefficient"},
      {"big", "large", "huge"},
      {"small", "tiny", "little"},
      {"database", "db", "datastore", "data store"},
      {"server", "host", "machine", "instance"},
      {"memory", "ram"},
      {"disk", "storage"},
      {"latency", "response time", "delay"},
      {"throughput", "requests per second", "rps", "qps"},
      {"split", "divide", "partition"},
      {"combine", "merge", "join"},
      {"duplicate", "copy", "replica"},
      {"unique", "distinct"},
      {"identical", "equal", "equivalent"},
      {"test", "verify", "check", "validate"},
      {"deploy", "release", "ship", "roll out", "rollout"},
      {"rollback", "roll back", "revert"},
      {"monitor", "observe", "watch"},
      {"problem", "issue"},
      {"cost", "expense", "price"},
      {"customer", "user", "client"},
      {"requirement", "specification", "spec"},
      {"hide", "encapsulate", "conceal"},
      {"traverse", "visit", "walk"},
      {"iterate", "loop", "repeat"},
      {"order", "sequence", "arrangement"},
      {"sort", "arrange"},
      {"key", "identifier", "id"},
      {"save", "store", "persist", "keep"},
      {"retrieve", "fetch", "read", "get"},
      {"lock", "mutex"},
      {"message", "event"},
      {"queue", "fifo"},
      {"stack", "lifo"},
      {"cache", "memoize"},
      {"reference", "pointer", "address"},
      {"variable", "identifier"},
      {"declare", "define"},
      {"correct", "right", "valid"},
      {"incorrect", "wrong", "invalid"},
      {"constant", "fixed"},
      {"simulate", "model", "mimic"},
      {"behavior", "behaviour"},
      {"portion", "part", "piece", "section"},
      {"value", "data"},
      {"unlimited", "infinite", "any number", "as many as", "no limit"},
      {"first in first out", "fifo", "first come first served"},
      {"last in first out", "lifo"},
      // General data-structures and algorithms vocabulary.
      {"minimum", "min", "smallest", "lowest", "least"},
      {"maximum", "max", "largest", "biggest", "highest", "greatest"},
      {"dynamic", "grow", "shrink", "resize", "resizable", "expand", "flexible", "variable size",
       "at runtime", "at run time", "during runtime"},
      {"fixed size", "static size", "predetermined size", "predefined size", "specified size"},
      {"node", "element", "item"},
      {"link", "pointer", "reference"},
      {"swap", "exchange", "interchange", "switch"},
      {"collection", "group", "list", "sequence", "series", "chain"},
      {"address", "location"},
      {"parameter", "operand"},
      {"child", "children"},
      {"leaf", "leaves"},
      {"index", "indices", "indexes", "subscript"},
      {"vertex", "vertices"},
      {"height", "depth", "number of levels"},
      {"recursion", "recursive", "calls itself"},
      {"constant time", "o(1)"},
      {"linear time", "o(n)"},
      {"logarithmic", "log n", "o(log n)"},
      {"quadratic", "n squared", "n^2", "o(n^2)"},
      {"initialize", "initialise", "init"},
      {"member function", "method", "operation"},
      {"object", "instance"},
      {"previous", "prior", "preceding"},
      {"next", "successor", "subsequent"},
      {"sorted", "in order", "ordered"},
      {"contiguous", "consecutive", "adjacent", "sequential"},
      {"direct access", "random access", "access by index"},
      {"deallocate", "free", "release"},
      {"reuse", "reusability", "reusable"},
      {"runtime", "run time", "execution time", "running time"},
      {"implement", "code"},
      {"empty", "no elements"},
  };
  return *groups;
}

SynonymTable::SynonymTable(const std::vector<std::vector<std::string>>& extra) {
  const auto add = [&](const std::vector<std::string>& group) {
    for (const auto& term : group) {
      auto& others = by_stem_[Stem(Lower(term))];
      for (const auto& other : group) {
        const std::string o = Lower(other);
        if (Stem(o) != Stem(Lower(term)) && std::find(others.begin(), others.end(), o) == others.end()) {
          others.push_back(o);
        }
      }
    }
  };
  for (const auto& g : BuiltinSynonyms()) add(g);
  for (const auto& g : extra) add(g);
}

std::vector<std::string> SynonymTable::For(const std::string& word) const {
  auto it = by_stem_.find(Stem(word));
  return it == by_stem_.end() ? std::vector<std::string>() : it->second;
}

}  // namespace rubric::internal
