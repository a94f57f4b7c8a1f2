// The one CSV reader (model/csv_reader.h): RFC 4180 quoting, line breaks inside quotes, CRLF, field
// positions, and an unterminated quote reported at file:line:column. Also its use for empirical samples.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "model/csv_reader.h"
#include "model/document.h"
#include "model/source_file.h"
#include "model/scenario/values.h"

using namespace flowcost::model;

TEST_CASE("CSV: quoted fields with commas, doubled quotes and line breaks; CRLF and LF records") {
  Diagnostics diags;
  auto records = parse_csv("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\r\n\"multi\nline\",,x\nlast", "t.csv", diags);
  CHECK(diags.empty());
  REQUIRE(records.size() == 3);
  CHECK(records[0].fields == std::vector<std::string>{"a", "b, c", "say \"hi\""});
  CHECK(records[0].line == 1);
  CHECK(records[1].fields == std::vector<std::string>{"multi\nline", "", "x"});
  CHECK(records[1].line == 3);
  CHECK(records[2].fields == std::vector<std::string>{"last"});
  CHECK(records[2].line == 5);
}

TEST_CASE("CSV: every field's line and column, after quotes and line breaks inside quotes") {
  Diagnostics diags;
  auto records = parse_csv("x,\"a\nb\",y\r\n12,,\"3\"", "t.csv", diags);
  REQUIRE(diags.empty());
  REQUIRE(records.size() == 2);
  REQUIRE(records[0].positions.size() == 3);
  CHECK(records[0].positions[0].line == 1);
  CHECK(records[0].positions[0].column == 1);
  CHECK(records[0].positions[1].line == 1);
  CHECK(records[0].positions[1].column == 3);  // the opening quote
  CHECK(records[0].positions[2].line == 2);    // after the line break inside quotes
  CHECK(records[0].positions[2].column == 4);
  CHECK(records[1].line == 3);
  CHECK(records[1].positions[1].column == 4);
  CHECK(records[1].positions[2].column == 5);
  CHECK(records[1].fields == std::vector<std::string>{"12", "", "3"});
}

TEST_CASE("CSV: an unterminated quote is an error at its opening quote") {
  Diagnostics bad;
  auto records = parse_csv("a,b\nc,\"open", "t.csv", bad);
  REQUIRE(bad.items().size() == 1);
  CHECK(diagnostic_headline(bad.items()[0]) == "t.csv:2:3: error: unterminated quoted field");
  CHECK(records.size() == 1);
  Diagnostics multi;
  parse_csv("h\n1\n\"two\nthree,4\n", "m.csv", multi);
  REQUIRE(multi.items().size() == 1);
  CHECK(diagnostic_headline(multi.items()[0]) == "m.csv:3:1: error: unterminated quoted field");
}

TEST_CASE("CSV: empirical samples read quoted fields, line breaks inside quotes and CRLF") {
  const auto dir = std::filesystem::temp_directory_path() / ("flowcost_csv_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    std::ofstream out(dir / "q.csv", std::ios::binary);
    out << "\"name, with comma\",duration\r\n\"a\nb\",\"30ms\"\r\nc,45\r\n\r\n";
    std::ofstream open(dir / "open.csv", std::ios::binary);
    open << "duration\n30ms\n\"45\n";
  }
  const std::string yaml = (dir / "s.yaml").string();
  Diagnostics d;
  auto node = parse_document(make_source_file(yaml, "{empirical: {csv: q.csv, column: duration}}"), d);
  REQUIRE(node);
  DistributionSpec s = parse_distribution(*node, Dimension::duration_ms, d);
  REQUIRE(d.empty());
  CHECK(s.samples == std::vector<double>{30, 45});
  Diagnostics bad;
  auto open_node = parse_document(make_source_file(yaml, "{empirical: open.csv}"), bad);
  parse_distribution(*open_node, Dimension::duration_ms, bad);
  REQUIRE(bad.items().size() == 1);
  CHECK(diagnostic_headline(bad.items()[0]) == (dir / "open.csv").string() + ":3:1: error: unterminated quoted field");
  std::filesystem::remove_all(dir);
}
