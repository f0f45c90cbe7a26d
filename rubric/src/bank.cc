#include "rubric/bank.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "json_reader.h"
#include "rubric/derive.h"
#include "question_parser.h"

namespace rubric {

using internal::JsonReader;

std::string Problem::ToString() const {
  std::string s = where;
  if (!field.empty()) s += ": " + field;
  return s + ": " + reason;
}

std::string Status::ToString() const {
  std::string s;
  for (const auto& p : problems_) s += p.ToString() + "\n";
  return s;
}

const Step* Question::FindStep(const std::string& step_id) const {
  for (const auto& s : steps) {
    if (s.id == step_id) return &s;
  }
  return nullptr;
}

const Question* Bank::Find(const std::string& id_or_number) const {
  for (const auto& q : questions) {
    if (q.id == id_or_number || std::to_string(q.number) == id_or_number) return &q;
  }
  return nullptr;
}

std::string Bank::ValidIds() const {
  std::string s;
  for (const auto& q : questions) {
    s += (s.empty() ? "" : ", ") + std::to_string(q.number) + " " + q.id;
  }
  return s;
}

std::optional<Question> ParseQuestion(const std::string& text, const std::string& file,
                                      std::vector<Problem>* problems, PatternCheck check) {
  const size_t before = problems->size();
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for 1e999
    problems->push_back({file, "", std::string("invalid JSON: ") + e.what()});
    return std::nullopt;
  }
  JsonReader r(file, problems);
  if (!json.is_object()) {
    r.Fail("", "must be a JSON object");
    return std::nullopt;
  }
  r.OnlyKeys(json, "",
             {"$schema", "number", "id", "title", "difficulty", "role", "level",
              "company_examples", "question", "scenario", "constraints", "tests", "framework",
              "model_answer", "reference_score", "score_rationale", "key_terms", "accepted_answers",
              "time_limit_minutes", "rubric"});
  Question q;
  q.file = file;
  q.number = r.Integer(json, "", "number", 1, 100000);
  q.id = r.String(json, "", "id");
  if (!q.id.empty() && !internal::IsSlug(q.id)) {
    r.Fail("id", "must be kebab-case: lower-case letters and digits joined by single '-'");
  }
  q.title = r.String(json, "", "title");
  q.difficulty = r.String(json, "", "difficulty", false);
  q.role = r.String(json, "", "role", false);
  q.level = r.String(json, "", "level", false);
  q.company_examples = r.Strings(json, "", "company_examples", false);
  q.question = r.String(json, "", "question");
  q.scenario = r.String(json, "", "scenario", false);
  q.constraints = r.Strings(json, "", "constraints", false);

  // A question whose rubric is derived may leave out what the derivation supplies: the tested
  // competencies and the framework (the model answer's sentences become its steps).
  const bool hand_written = json.contains("rubric");
  const auto& tests = r.Object(json, "", "tests", hand_written);
  r.OnlyKeys(tests, "tests", {"summary", "competencies", "interviewer_goal"});
  q.tests_summary = r.String(tests, "tests", "summary", false);
  q.interviewer_goal = r.String(tests, "tests", "interviewer_goal", false);
  const auto& comps = r.Array(tests, "tests", "competencies", json.contains("tests"));
  if (comps.empty() && json.contains("tests")) {
    r.Fail("tests.competencies", "must have at least one competency");
  }
  for (size_t i = 0; i < comps.size(); ++i) {
    const std::string p = JsonReader::Index("tests.competencies", i);
    r.OnlyKeys(comps[i], p, {"id", "name", "description"});
    Competency c;
    c.id = r.String(comps[i], p, "id");
    if (!c.id.empty() && !internal::IsSlug(c.id)) r.Fail(p + ".id", "must be kebab-case");
    for (const auto& other : q.competencies) {
      if (!c.id.empty() && other.id == c.id) r.Fail(p + ".id", "duplicate competency id");
    }
    c.name = r.String(comps[i], p, "name");
    c.description = r.String(comps[i], p, "description", false);
    q.competencies.push_back(std::move(c));
  }

  const auto& framework = r.Object(json, "", "framework", hand_written);
  r.OnlyKeys(framework, "framework", {"name", "steps", "key_principles"});
  q.framework_name = r.String(framework, "framework", "name", json.contains("framework"));
  q.key_principles = r.Strings(framework, "framework", "key_principles", false);
  const auto& steps = r.Array(framework, "framework", "steps", json.contains("framework"));
  if (steps.empty() && json.contains("framework")) r.Fail("framework.steps", "must have at least one step");
  for (size_t i = 0; i < steps.size(); ++i) {
    const std::string p = JsonReader::Index("framework.steps", i);
    r.OnlyKeys(steps[i], p, {"id", "name", "description"});
    Step s;
    s.id = r.String(steps[i], p, "id");
    if (!s.id.empty() && !internal::IsSlug(s.id)) r.Fail(p + ".id", "must be kebab-case");
    if (!s.id.empty() && q.FindStep(s.id)) r.Fail(p + ".id", "duplicate step id");
    s.name = r.String(steps[i], p, "name");
    s.description = r.String(steps[i], p, "description", false);
    q.steps.push_back(std::move(s));
  }

  q.model_answer = r.String(json, "", "model_answer");
  q.reference_score = r.Number(json, "", "reference_score", 0, 10, false, -1);
  const auto& rationale = r.Array(json, "", "score_rationale", false);
  for (size_t i = 0; i < rationale.size(); ++i) {
    const std::string p = JsonReader::Index("score_rationale", i);
    r.OnlyKeys(rationale[i], p, {"title", "text"});
    q.score_rationale.push_back(
        {r.String(rationale[i], p, "title"), r.String(rationale[i], p, "text")});
  }
  q.key_terms = r.Strings(json, "", "key_terms", false);
  q.accepted_answers = r.Strings(json, "", "accepted_answers", false);
  q.time_limit_minutes = r.Integer(json, "", "time_limit_minutes", 1, 240, false, 0);

  const auto rubric_it = json.find("rubric");
  if (rubric_it == json.end()) {
    if (q.model_answer.empty()) r.Fail("rubric", "required when there is no model_answer to derive it from");
    q.rubric.derived = true;  // LoadBank derives it once every model answer of the bank is known
  } else if (!rubric_it->is_object()) {
    r.Fail("rubric", "must be an object");
  } else {
    internal::ParseRubric(*rubric_it, &r, &q, check == PatternCheck::kNow);
  }
  if (problems->size() != before) return std::nullopt;
  return q;
}

namespace {

bool ReadFile(const std::filesystem::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

void ParseBankFile(const std::string& text, Bank* bank, std::vector<Problem>* problems) {
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for 1e999
    problems->push_back({"bank.json", "", std::string("invalid JSON: ") + e.what()});
    return;
  }
  JsonReader r("bank.json", problems);
  r.OnlyKeys(json, "", {"$schema", "name", "description", "synonyms", "answer_style"});
  bank->name = r.String(json, "", "name", false);
  bank->description = r.String(json, "", "description", false);
  const std::string style = r.String(json, "", "answer_style", false);
  if (style == "short") {
    bank->answer_style = AnswerStyle::kShort;
  } else if (!style.empty() && style != "interview") {
    r.Fail("answer_style", "must be \"interview\" or \"short\"");
  }
  const auto& groups = r.Array(json, "", "synonyms", false);
  for (size_t i = 0; i < groups.size(); ++i) {
    if (!groups[i].is_array() || groups[i].size() < 2) {
      r.Fail(JsonReader::Index("synonyms", i), "must be an array of at least two strings");
      continue;
    }
    std::vector<std::string> group;
    for (const auto& term : groups[i]) {
      if (term.is_string()) group.push_back(term.get<std::string>());
    }
    bank->synonyms.push_back(group);
  }
}

}  // namespace

std::optional<Bank> LoadBank(const std::string& directory, Status* status, PatternCheck check) {
  namespace fs = std::filesystem;
  std::vector<Problem> problems;
  Bank bank;
  bank.directory = directory;
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) {
    *status = Status::Error(directory, "", "not a directory (a bank is a directory of .json files)");
    return std::nullopt;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(directory, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  // Question files parse on several threads: checking that every pattern compiles is most of a
  // load (about 4,000 patterns in the seed bank), and serve waits for it before it listens.
  struct Parsed {
    std::string name, text;
    bool readable = false;
    std::optional<Question> question;
    std::vector<Problem> problems;
  };
  std::vector<Parsed> parsed(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    parsed[i].name = files[i].filename().string();
    parsed[i].readable = ReadFile(files[i], &parsed[i].text);
  }
  std::atomic<size_t> next{0};
  auto parse = [&] {
    for (size_t i = next++; i < parsed.size(); i = next++) {
      Parsed& f = parsed[i];
      if (f.readable && f.name != "bank.json") f.question = ParseQuestion(f.text, f.name, &f.problems, check);
    }
  };
  const size_t threads = std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), files.size());
  std::vector<std::thread> workers;
  for (size_t t = 1; t < threads; ++t) workers.emplace_back(parse);
  parse();
  for (auto& w : workers) w.join();
  for (Parsed& f : parsed) {
    if (!f.readable) {
      problems.push_back({f.name, "", "cannot be read"});
    } else if (f.name == "bank.json") {
      ParseBankFile(f.text, &bank, &problems);
    } else {
      problems.insert(problems.end(), f.problems.begin(), f.problems.end());
      if (f.question) bank.questions.push_back(std::move(*f.question));
    }
  }
  if (files.empty() || (files.size() == 1 && files[0].filename() == "bank.json")) {
    problems.push_back({directory, "", "holds no question files (*.json)"});
  }
  std::map<std::string, std::string> ids, numbers;
  for (const auto& q : bank.questions) {
    if (!ids.emplace(q.id, q.file).second) {
      problems.push_back({q.file, "id", "\"" + q.id + "\" is also the id of " + ids[q.id]});
    }
    const std::string n = std::to_string(q.number);
    if (!numbers.emplace(n, q.file).second) {
      problems.push_back({q.file, "number", n + " is also the number of " + numbers[n]});
    }
    // Only a short-answer bank's score has a word overlap for accepted answers to count in.
    if (!q.accepted_answers.empty() && bank.answer_style != AnswerStyle::kShort) {
      problems.push_back({q.file, "accepted_answers",
                          "counts only in a bank whose bank.json sets \"answer_style\": \"short\""});
    }
  }
  if (!problems.empty()) {
    *status = Status::Errors(std::move(problems));
    return std::nullopt;
  }
  std::sort(bank.questions.begin(), bank.questions.end(),
            [](const Question& a, const Question& b) { return a.number < b.number; });
  DeriveRubrics(&bank);
  bank.patterns_checked = check == PatternCheck::kNow;
  *status = Status();
  return bank;
}

}  // namespace rubric
