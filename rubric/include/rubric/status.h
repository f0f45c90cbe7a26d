// Status: the outcome of an operation that can fail in an expected way, returned as a value.
// A default Status is ok; an error carries a list of problems, each naming where and why.
// Immutable after construction, so safe to share between threads.
#ifndef RUBRIC_STATUS_H_
#define RUBRIC_STATUS_H_

#include <string>
#include <utility>
#include <vector>

namespace rubric {

// One problem, e.g. {"04-payment.json", "rubric.concepts[2].patterns[0]", "missing ) at end"}.
struct Problem {
  std::string where;   // file, or input name
  std::string field;   // JSON path or argument name; may be empty
  std::string reason;  // what is wrong and what is allowed

  std::string ToString() const;
  bool operator==(const Problem& o) const {
    return where == o.where && field == o.field && reason == o.reason;
  }
};

class Status {
 public:
  Status() = default;
  static Status Error(std::string where, std::string field, std::string reason) {
    Status s;
    s.problems_.push_back({std::move(where), std::move(field), std::move(reason)});
    return s;
  }
  static Status Errors(std::vector<Problem> problems) {
    Status s;
    s.problems_ = std::move(problems);
    return s;
  }

  bool ok() const { return problems_.empty(); }
  const std::vector<Problem>& problems() const { return problems_; }
  // All problems, one per line.
  std::string ToString() const;

 private:
  std::vector<Problem> problems_;
};

}  // namespace rubric

#endif  // RUBRIC_STATUS_H_
