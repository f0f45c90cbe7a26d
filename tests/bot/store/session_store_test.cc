#include "core/session_store.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "fakes/memory_store.h"
#include "store/sqlite_store.h"
#include "temp_path.h"

namespace {

bot::Session WithAnswers(const std::string& id, int64_t created_ms,
                         const std::vector<std::pair<std::string, std::string>>& answers) {
  bot::Session s;
  s.id = id;
  s.created_ms = created_ms;
  for (const auto& [question, answer] : answers) {
    bot::QuestionRecord q;
    q.id = question;
    q.answer = answer;
    s.questions.push_back(q);
  }
  return s;
}

}  // namespace

TEST_CASE("AnswersTo: a question's stored answers, newest session first, none empty, at most limit") {
  std::string error;
  auto sqlite = bot::SqliteStore::Open(bot::TempPath("answers.db"), 2, &error);
  REQUIRE(sqlite);
  bot::MemoryStore memory;
  for (bot::SessionStore* store : {static_cast<bot::SessionStore*>(sqlite.get()),
                                   static_cast<bot::SessionStore*>(&memory)}) {
    CAPTURE(store == &memory);
    REQUIRE_FALSE(store->Save(WithAnswers("old", 1, {{"queue", "FIFO."}, {"stack", "LIFO."}}), 0));
    REQUIRE_FALSE(store->Save(WithAnswers("new", 3, {{"queue", "First in, first out."}}), 0));
    REQUIRE_FALSE(store->Save(WithAnswers("skipped", 2, {{"queue", ""}, {"heap", "A tree."}}), 0));
    CHECK(store->AnswersTo("queue", 10) == std::vector<std::string>{"First in, first out.", "FIFO."});
    CHECK(store->AnswersTo("queue", 1) == std::vector<std::string>{"First in, first out."});
    CHECK(store->AnswersTo("stack", 10) == std::vector<std::string>{"LIFO."});
    CHECK(store->AnswersTo("tree", 10).empty());
  }
}
