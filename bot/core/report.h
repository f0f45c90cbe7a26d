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
// The report as a coaching plan (core/report_plan.cc): strengths, every question's gaps (a skipped
// question's are all its steps), each attempt, the three study items worth the most points, and
// the transcript. `base_url` ("https://bot.example.com", PUBLIC_BASE_URL) makes the "links"
// absolute; "" leaves them as paths.
nlohmann::json ReportJson(const rubric::Bank& bank, const Session& s, const std::string& base_url = "");
// The same content as ReportJson, as Markdown.
std::string ReportMarkdown(const rubric::Bank& bank, const Session& s, const std::string& base_url = "");
// Past sessions (newest first), the concepts missed in at least two answers, and each concept's
// progress over the sessions that asked about it (oldest first).
nlohmann::json History(const rubric::Bank& bank, const std::vector<Session>& sessions);

// The session's page, report and downloads, each prefixed with `base_url`.
nlohmann::json SessionLinks(const Session& s, const std::string& base_url = "");
// The session's overall score, or null when no question was answered or skipped.
nlohmann::json OverallJson(const Session& s);

}  // namespace bot

#endif  // BOT_CORE_REPORT_H_
