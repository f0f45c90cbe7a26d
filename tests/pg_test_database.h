// FreshPgDatabase: the URL of a new, empty database in the throwaway cluster that scripts/with-postgres
// starts (INTERVIEW_BOT_TEST_PG), so each test has its own. The tests never skip PostgreSQL: without
// the cluster this fails the test, saying how to run it. Not thread-safe.
#ifndef TESTS_PG_TEST_DATABASE_H_
#define TESTS_PG_TEST_DATABASE_H_

#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "store/pg_database.h"

namespace bot {

// The cluster's base URL (no database name), failing the test when there is none.
inline std::string TestPgCluster() {
  const char* base = std::getenv("INTERVIEW_BOT_TEST_PG");
  if (!base || !*base) {
    FAIL("INTERVIEW_BOT_TEST_PG is not set: run the tests through ./scripts/test, or ctest under "
         "scripts/with-postgres, which starts a throwaway PostgreSQL cluster");
  }
  return base;
}

inline std::string FreshPgDatabase() {
  static int n = 0;
  const std::string base = TestPgCluster();
  const std::string name = "test_" + std::to_string(getpid()) + "_" + std::to_string(n++);
  std::string error;
  auto admin = PgConnection::Connect(base + "/postgres", &error);
  REQUIRE_MESSAGE(admin, error);
  // CREATE DATABASE takes no parameters; the name is ours, digits and underscores.
  const std::string create = "CREATE DATABASE " + name;
  REQUIRE(admin->Exec(create.c_str()) == std::nullopt);
  return base + "/" + name;
}

}  // namespace bot

#endif  // TESTS_PG_TEST_DATABASE_H_
