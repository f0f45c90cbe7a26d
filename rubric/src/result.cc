#include "rubric/result.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace rubric {

std::string BandFor(double score) {
  if (score >= 8.5) return "excellent";
  if (score >= 7.0) return "strong";
  if (score >= 5.0) return "fair";
  if (score >= 3.0) return "weak";
  return "poor";
}

void ApplyCeiling(double ceiling, const std::string& flag, const std::string& message, Result* r) {
  if (r->score <= ceiling) return;
  r->breakdown.push_back({"cap", flag, "Capped: " + flag,
                          std::round((ceiling - r->score) * 10) / 10});
  r->score = ceiling;
  r->band = BandFor(ceiling);
  if (std::find(r->flags.begin(), r->flags.end(), flag) == r->flags.end()) r->flags.push_back(flag);
  r->flag_details.push_back({flag, message, ""});
}

nlohmann::json ToJson(const Result& r) {
  using nlohmann::json;
  json steps = json::array();
  for (const auto& s : r.steps) {
    json evidence = json::array();
    for (const auto& e : s.evidence) {
      evidence.push_back({{"concept", e.concept_id}, {"concept_name", e.concept_name},
                          {"start", e.start}, {"end", e.end}, {"quote", e.quote},
                          {"source", e.source}});
    }
    steps.push_back({{"id", s.id}, {"name", s.name}, {"coverage", s.coverage},
                     {"status", s.status}, {"evidence", evidence}});
  }
  json concepts = json::array();
  for (const auto& c : r.concepts) {
    concepts.push_back({{"id", c.id}, {"name", c.name}, {"status", c.status}, {"credit", c.credit}});
  }
  json competencies = json::array();
  for (const auto& c : r.competencies) {
    competencies.push_back(
        {{"id", c.id}, {"name", c.name}, {"coverage", c.coverage}, {"covered", c.covered}});
  }
  json gaps = json::array();
  for (const auto& g : r.gaps) {
    gaps.push_back({{"kind", g.kind}, {"id", g.id}, {"name", g.name},
                    {"points_lost", g.points_lost}, {"hint", g.hint}, {"probe", g.probe}});
  }
  json details = json::array();
  for (const auto& f : r.flag_details) {
    details.push_back({{"flag", f.flag}, {"message", f.message}, {"quote", f.quote}});
  }
  json breakdown = json::array();
  for (const auto& p : r.breakdown) {
    breakdown.push_back({{"kind", p.kind}, {"id", p.id}, {"label", p.label}, {"points", p.points}});
  }
  json out = {
      {"question", r.question_id},
      {"rubric_version", r.rubric_version},
      {"score", r.score},
      {"band", r.band},
      {"words", r.words},
      {"follow_up", r.follow_up},
      {"steps", steps},
      {"concepts", concepts},
      {"competencies", competencies},
      {"depth",
       {{"numbers", r.depth.numbers}, {"tradeoffs", r.depth.tradeoffs}, {"risks", r.depth.risks},
        {"verification", r.depth.verification}, {"score", r.depth.score}}},
      {"strengths", r.strengths},
      {"gaps", gaps},
      {"flags", r.flags},
      {"flag_details", details},
      {"breakdown", breakdown},
  };
  if (!r.off_topic_match.empty()) out["off_topic_match"] = r.off_topic_match;
  return out;
}

namespace {

// Reads the fields of one JSON object at `path`, recording a Problem for each that is missing, of
// the wrong type, or unknown.
class FieldReader {
 public:
  // `present` false: the object is missing, which was reported already; its fields are then not.
  FieldReader(const nlohmann::json& object, std::string path, std::vector<Problem>* problems,
              bool present = true)
      : object_(object), path_(std::move(path)), problems_(problems) {
    if (present && !object_.is_object()) {
      Fail(path_, "must be an object, found " + std::string(object_.type_name()));
    }
  }
  // Call last: reports the keys no getter asked for.
  void NoOtherKeys() {
    if (!object_.is_object()) return;
    for (auto it = object_.begin(); it != object_.end(); ++it) {
      if (std::find(read_.begin(), read_.end(), it.key()) != read_.end()) continue;
      std::string allowed;
      for (const auto& k : read_) allowed += (allowed.empty() ? "" : ", ") + k;
      Fail(Join(it.key()), "unknown field; allowed here: " + allowed);
    }
  }

  std::string String(const char* key) {
    const nlohmann::json* v = Field(key);
    return v && Is(*v, v->is_string(), key, "a string") ? v->get<std::string>() : "";
  }
  std::optional<std::string> OptionalString(const char* key) {
    if (object_.is_object() && !object_.contains(key)) {
      read_.push_back(key);
      return std::nullopt;
    }
    return String(key);
  }
  double Number(const char* key) {
    const nlohmann::json* v = Field(key);
    return v && Is(*v, v->is_number(), key, "a number") ? v->get<double>() : 0;
  }
  long long Integer(const char* key) {
    const nlohmann::json* v = Field(key);
    return v && Is(*v, v->is_number_integer(), key, "an integer") ? v->get<long long>() : 0;
  }
  bool Bool(const char* key) {
    const nlohmann::json* v = Field(key);
    return v && Is(*v, v->is_boolean(), key, "true or false") && v->get<bool>();
  }
  std::vector<std::string> Strings(const char* key) {
    std::vector<std::string> out;
    const nlohmann::json& list = Array(key);
    for (size_t i = 0; i < list.size(); ++i) {
      if (!list[i].is_string()) {
        Fail(Join(key) + "[" + std::to_string(i) + "]",
             "must be a string, found " + std::string(list[i].type_name()));
        continue;
      }
      out.push_back(list[i].get<std::string>());
    }
    return out;
  }
  // Calls read(FieldReader&) on each object of the array at `key`.
  template <typename T, typename Read>
  std::vector<T> Objects(const char* key, Read read) {
    std::vector<T> out;
    const nlohmann::json& list = Array(key);
    for (size_t i = 0; i < list.size(); ++i) {
      FieldReader item(list[i], Join(key) + "[" + std::to_string(i) + "]", problems_);
      out.push_back(read(item));
      item.NoOtherKeys();
    }
    return out;
  }
  // As Objects, but a missing key reads as no objects: a field added after documents were stored.
  template <typename T, typename Read>
  std::vector<T> OptionalObjects(const char* key, Read read) {
    if (object_.is_object() && !object_.contains(key)) {
      read_.push_back(key);
      return {};
    }
    return Objects<T>(key, read);
  }
  FieldReader Object(const char* key) {
    static const nlohmann::json missing;
    const nlohmann::json* v = Field(key);
    return FieldReader(v ? *v : missing, Join(key), problems_, v != nullptr);
  }

 private:
  const nlohmann::json* Field(const char* key) {
    read_.push_back(key);
    if (!object_.is_object()) return nullptr;
    auto it = object_.find(key);
    if (it == object_.end()) {
      Fail(Join(key), "required field is missing");
      return nullptr;
    }
    return &*it;
  }
  const nlohmann::json& Array(const char* key) {
    static const nlohmann::json empty = nlohmann::json::array();
    const nlohmann::json* v = Field(key);
    return v && Is(*v, v->is_array(), key, "an array") ? *v : empty;
  }
  bool Is(const nlohmann::json& v, bool ok, const char* key, const char* expected) {
    if (!ok) Fail(Join(key), "must be " + std::string(expected) + ", found " + v.type_name());
    return ok;
  }
  std::string Join(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
  void Fail(const std::string& field, const std::string& reason) {
    problems_->push_back({"result", field, reason});
  }

  const nlohmann::json& object_;
  std::string path_;
  std::vector<Problem>* problems_;
  std::vector<std::string> read_;
};

}  // namespace

Status ResultFromJson(const nlohmann::json& json, Result* out) {
  std::vector<Problem> problems;
  FieldReader r(json, "", &problems);
  Result result;
  result.question_id = r.String("question");
  result.rubric_version = r.String("rubric_version");
  result.score = r.Number("score");
  result.band = r.String("band");
  result.words = static_cast<int>(r.Integer("words"));
  result.follow_up = r.Bool("follow_up");
  result.steps = r.Objects<StepResult>("steps", [](FieldReader& s) {
    StepResult step;
    step.id = s.String("id");
    step.name = s.String("name");
    step.coverage = s.Number("coverage");
    step.status = s.String("status");
    step.evidence = s.Objects<Evidence>("evidence", [](FieldReader& e) {
      Evidence ev;
      ev.concept_id = e.String("concept");
      ev.concept_name = e.String("concept_name");
      ev.start = static_cast<size_t>(e.Integer("start"));
      ev.end = static_cast<size_t>(e.Integer("end"));
      ev.quote = e.String("quote");
      ev.source = e.String("source");
      return ev;
    });
    return step;
  });
  result.concepts = r.Objects<ConceptResult>("concepts", [](FieldReader& c) {
    return ConceptResult{c.String("id"), c.String("name"), c.String("status"), c.Number("credit")};
  });
  result.competencies = r.Objects<CompetencyResult>("competencies", [](FieldReader& c) {
    return CompetencyResult{c.String("id"), c.String("name"), c.Number("coverage"), c.Bool("covered")};
  });
  FieldReader depth = r.Object("depth");
  result.depth.numbers = static_cast<int>(depth.Integer("numbers"));
  result.depth.tradeoffs = static_cast<int>(depth.Integer("tradeoffs"));
  result.depth.risks = static_cast<int>(depth.Integer("risks"));
  result.depth.verification = static_cast<int>(depth.Integer("verification"));
  result.depth.score = depth.Number("score");
  depth.NoOtherKeys();
  result.strengths = r.Strings("strengths");
  result.gaps = r.Objects<Gap>("gaps", [](FieldReader& g) {
    Gap gap;
    gap.kind = g.String("kind");
    gap.id = g.String("id");
    gap.name = g.String("name");
    gap.points_lost = g.Number("points_lost");
    gap.hint = g.String("hint");
    gap.probe = g.String("probe");
    return gap;
  });
  result.flags = r.Strings("flags");
  result.flag_details = r.Objects<FlagDetail>("flag_details", [](FieldReader& f) {
    return FlagDetail{f.String("flag"), f.String("message"), f.String("quote")};
  });
  result.breakdown = r.OptionalObjects<ScorePart>("breakdown", [](FieldReader& p) {
    return ScorePart{p.String("kind"), p.String("id"), p.String("label"), p.Number("points")};
  });
  result.off_topic_match = r.OptionalString("off_topic_match").value_or("");
  r.NoOtherKeys();
  *out = std::move(result);
  return problems.empty() ? Status() : Status::Errors(std::move(problems));
}

}  // namespace rubric
