// Reports and views of sessions for the API and downloads: the session view, the end-of-interview
// report (JSON and Markdown) and a returning candidate's history. Pure functions; thread-safe.
#ifndef BOT_CORE_REPORT_H_
#define BOT_CORE_REPORT_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/session.h"
#include "rubric/bank.h"

namespace bot {

// The session as GET /api/sessions/{id} returns it (docs/api.md); without messages when
// `with_messages` is false.
nlohmann::json SessionView(const rubric::Bank& bank, const Session& s, bool with_messages = true);
nlohmann::json ReportJson(const rubric::Bank& bank, const Session& s);
std::string ReportMarkdown(const rubric::Bank& bank, const Session& s);
// Past sessions (newest first) and the concepts missed in at least two answers.
nlohmann::json History(const rubric::Bank& bank, const std::vector<Session>& sessions);

}  // namespace bot

#endif  // BOT_CORE_REPORT_H_
