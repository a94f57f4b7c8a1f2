// The comment that documents a key and a value's text as written (model/yaml_comments.h).
#include <catch2/catch.hpp>

#include "model/yaml_comments.h"

using namespace flowcost::model;

TEST_CASE("yaml comments: the lines directly above, then the end of the line") {
  const std::string text =
      "a: 1\n"
      "# first\n"
      "#  second  \n"
      "b: 2   # trailing\n"
      "\n"
      "c: 'x # y' # after a quote\n"
      "d: \"#\\\" # z\"\n"
      "e: a#b\n";
  CHECK(comment_for_line(text, 1) == "");
  CHECK(comment_for_line(text, 4) == "first second trailing");
  CHECK(comment_for_line(text, 6) == "after a quote");
  CHECK(comment_for_line(text, 7) == "");
  CHECK(comment_for_line(text, 8) == "");
  CHECK(comment_for_line(text, 0) == "");
  CHECK(comment_for_line(text, 99) == "");
}

TEST_CASE("yaml comments: a value as written, over the lines indented under its key") {
  const std::string text =
      "inputs:\n"
      "  x: {uniform: [1, 2]}  # c\n"
      "  y:\n"
      "    lognormal:  # block\n"
      "\n"
      "      median: 35ms\n"
      "      p95: 120ms\n"
      "  z: 3\n";
  CHECK(value_text(text, 2, 6, 3) == "{uniform: [1, 2]}");
  CHECK(value_text(text, 4, 5, 3) == "lognormal: median: 35ms p95: 120ms");
  CHECK(value_text(text, 8, 6, 3) == "3");
  CHECK(value_text(text, 9, 1, 1) == "");
}
