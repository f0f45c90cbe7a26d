#include "authoring/import_csv.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

TEST_CASE("ImportCsv turns each row into a question file without a rubric") {
  const std::string csv =
      "id,question,model_answer,key_terms,difficulty\n"
      "queue,\"What is a queue, and why?\",\"A first in, first out list.\",fifo; enqueue,Easy\n"
      "stack,What is a stack?,A last in first out list.,,\n";
  std::vector<bot::ImportedQuestion> out;
  std::string error;
  REQUIRE(bot::ImportCsv(csv, &out, &error));
  REQUIRE(out.size() == 2);
  CHECK(out[0].file == "01-queue.json");
  CHECK(out[0].json == nlohmann::json{{"number", 1},
                                      {"id", "queue"},
                                      {"title", "What is a queue, and why?"},
                                      {"question", "What is a queue, and why?"},
                                      {"model_answer", "A first in, first out list."},
                                      {"key_terms", {"fifo", "enqueue"}},
                                      {"difficulty", "Easy"}});
  CHECK(out[1].file == "02-stack.json");
  CHECK(out[1].json == nlohmann::json{{"number", 2},
                                      {"id", "stack"},
                                      {"title", "What is a stack?"},
                                      {"question", "What is a stack?"},
                                      {"model_answer", "A last in first out list."}});
}

TEST_CASE("ImportCsv names the line and the column of every kind of bad input") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "line 1: the file is empty; the first line must name the columns"},
      {"id,question,answer\n",
       "line 1, column 3 (answer): unknown column; valid: id, question, model_answer, title, "
       "difficulty, key_terms, accepted_answers, number"},
      {"id,question,id\n", "line 1, column 3 (id): column named twice"},
      {"id,question\n", "line 1: required column \"model_answer\" is missing"},
      {"id,question,model_answer\nQ1,Why?,Because.\n",
       "line 2, column 1 (id): \"Q1\" is not a valid id (kebab-case: a-z, 0-9 and single '-', at "
       "most 80 characters)"},
      {"id,question,model_answer\na,Why?,Because.\na,How?,So.\n",
       "line 3, column 1 (id): id \"a\" is used twice"},
      {"id,question,model_answer\na,Why?,\" \"\n", "line 2, column 3 (model_answer): must not be empty"},
      {"id,question,model_answer\na,Why?\n", "line 2, column 3: has 2 fields; the header has 3"},
      {"id,number,question,model_answer\na,x,Why?,Because.\n",
       "line 2, column 2 (number): \"x\" is not a whole number from 1"},
      {"id,number,question,model_answer\na,1,Why?,Because.\nb,1,How?,So.\n",
       "line 3, column 2 (number): number 1 is also the number of line 2"},
      {"id,question,model_answer\na,\"Why?,Because.\n", "line 2, column 2: quoted field is never closed"}};
  for (const auto& c : cases) {
    // Named references, not a structured binding: clang (C++17) cannot capture those in CAPTURE.
    const std::string& csv = c.first;
    const std::string& message = c.second;
    CAPTURE(csv);
    std::vector<bot::ImportedQuestion> out;
    std::string error;
    CHECK_FALSE(bot::ImportCsv(csv, &out, &error));
    CHECK(error == message);
  }
}

TEST_CASE("ImportCsv reads accepted_answers one per line of the field, skipping blank lines") {
  const std::string csv =
      "id,question,model_answer,accepted_answers\n"
      "queue,What is a queue?,A first in first out list.,\"The oldest item leaves first.\r\n\n"
      "  Like a line at a shop.  \"\n"
      "stack,What is a stack?,A last in first out list.,\n";
  std::vector<bot::ImportedQuestion> out;
  std::string error;
  REQUIRE(bot::ImportCsv(csv, &out, &error));
  REQUIRE(out.size() == 2);
  CHECK(out[0].json["accepted_answers"] ==
        nlohmann::json{"The oldest item leaves first.", "Like a line at a shop."});
  CHECK_FALSE(out[1].json.contains("accepted_answers"));
}
