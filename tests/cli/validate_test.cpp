// `flowcost validate` end to end through run_cli: exit codes, stdout, and whole stderr text.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "run_cli_helpers.h"

namespace {

using flowcost::testing::run_flowcost;

std::string asl(const std::string& rel) { return std::string(FLOWCOST_TEST_DATA) + "/asl/" + rel; }

}  // namespace

TEST_CASE("validate: a valid definition prints FILE: valid and exits 0") {
  std::string file = asl("valid/article_choice.asl.json");
  auto r = run_flowcost({"validate", file});
  CHECK(r.code == 0);
  CHECK(r.out == file + ": valid\n");
  CHECK(r.err == "");
}

TEST_CASE("validate: an invalid definition prints the diagnostic with its source line and a caret") {
  std::string file = asl("invalid/r05_unreachable.asl.json");
  auto r = run_flowcost({"validate", file});
  CHECK(r.code == 1);
  CHECK(r.out == "");
  CHECK(r.err == file + ":5:5: error: state \"Orphan\" is unreachable: no transition leads to it from \"Start\"\n"
                        "    \"Orphan\": {\"Type\": \"Pass\", \"Next\": \"Start\"}\n"
                        "    ^\n");
}

TEST_CASE("validate: every problem of a file is reported, sorted by position") {
  std::string file = asl("invalid/r02_next_unknown.asl.json");
  auto r = run_flowcost({"validate", file});
  CHECK(r.code == 1);
  CHECK(r.err == file + ":4:105: error: state \"Load\": \"Next\" names state \"Sotre\", which does not exist; did you "
                        "mean \"Store\"?\n"
                        "    \"Load\": {\"Type\": \"Task\", \"Resource\": "
                        "\"arn:aws:lambda:us-east-1:123456789012:function:load\", \"Next\": \"Sotre\"},\n" +
                    std::string(104, ' ') + "^\n" + file +
                    ":5:5: error: state \"Store\" is unreachable: no transition leads to it from \"Load\"\n"
                    "    \"Store\": {\"Type\": \"Pass\", \"End\": true}\n"
                    "    ^\n");
}

TEST_CASE("validate --express rejects .sync, .waitForTaskToken and activities") {
  std::string file = asl("invalid/r12_express.asl.json");
  auto standard = run_flowcost({"validate", file});
  CHECK(standard.code == 0);
  auto express = run_flowcost({"validate", "--express", file});
  CHECK(express.code == 1);
  CHECK(express.err.find(file + ":4:41: error: state \"Run\": the .sync integration pattern is not supported in an "
                                "Express state machine (Express workflows support request-response only)\n") == 0);
  CHECK(express.err.find(file + ":6:42: error: state \"Work\": activities are not supported in an Express state "
                                "machine\n") != std::string::npos);
}

TEST_CASE("validate: several files, each reported; exit 1 if any is invalid") {
  std::string good = asl("valid/pipeline.asl.yaml");
  std::string bad = asl("invalid/empty.asl.json");
  std::string missing = asl("invalid/no-such-file.json");
  auto r = run_flowcost({"validate", good, bad, missing});
  CHECK(r.code == 1);
  CHECK(r.out == good + ": valid\n");
  CHECK(r.err == bad + ":1:1: error: file is empty\n" + missing + ": error: no such file\n");
}

TEST_CASE("validate: binary junk, malformed UTF-8, deep nesting and non-ASL files get one clear error") {
  auto binary = run_flowcost({"validate", asl("invalid/binary.asl.json")});
  CHECK(binary.code == 1);
  CHECK(binary.err.find("error: file is binary, not text (NUL byte)") != std::string::npos);
  auto utf8 = run_flowcost({"validate", asl("invalid/malformed_utf8.asl.json")});
  CHECK(utf8.code == 1);
  CHECK(utf8.err.find(":2:15: error: malformed UTF-8\n") != std::string::npos);
  auto deep = run_flowcost({"validate", asl("invalid/deep_nesting.asl.json")});
  CHECK(deep.code == 1);
  CHECK(deep.err.find(":1:158: error: nesting is deeper than 100 levels\n") != std::string::npos);
  std::string other = asl("invalid/not_asl.json");
  auto r = run_flowcost({"validate", other});
  CHECK(r.code == 1);
  CHECK(r.err == other + ":1:1: error: neither an ASL definition (no \"StartAt\" or \"States\"), a "
                         "CloudFormation or SAM template (no \"Resources\") nor a flowcost scenario (no \"scenario:\" "
                         "key)\n"
                         "{\"name\": \"package\", \"version\": \"1.0.0\"}\n"
                         "^\n");
}

TEST_CASE("validate: warnings alone keep the file valid") {
  std::string file = asl("warnings/no_dollar.asl.json");
  auto r = run_flowcost({"validate", file});
  CHECK(r.code == 0);
  CHECK(r.out == file + ": valid\n");
  CHECK(r.err == file + ":6:33: warning: state \"Send\": \"Message\": \"$.text\" looks like a path, but the key does "
                        "not end in \".$\", so it is passed as a literal string\n"
                        "      \"Parameters\": {\"Message\": \"$.text\", \"TopicArn\": "
                        "\"arn:aws:sns:us-east-1:123456789012:t\"},\n"
                        "                                ^\n");
}

TEST_CASE("validate needs at least one file") {
  auto r = run_flowcost({"validate"});
  CHECK(r.code == 1);
  CHECK(r.err.find("FILE is required") != std::string::npos);
}

TEST_CASE("validate: a scenario's Express design rejects its definition's .waitForTaskToken") {
  std::string scenario = asl("scenario/express_callback.yaml");
  std::string definition = asl("scenario/callback.asl.json");
  auto r = run_flowcost({"validate", scenario});
  CHECK(r.code == 1);
  CHECK(r.out == "");
  CHECK(r.err.find(definition + ":7:19: error: state \"Ask\": the .waitForTaskToken integration pattern is not "
                                "supported in an Express state machine (Express workflows support request-response "
                                "only)\n") == 0);
  auto standalone = run_flowcost({"validate", definition});
  CHECK(standalone.code == 0);
}

TEST_CASE("validate: the shipped scenarios and their definitions are valid") {
  std::string scenario = std::string(FLOWCOST_SCENARIOS_DIR) + "/article-choice.yaml";
  auto r = run_flowcost({"validate", scenario});
  CHECK(r.code == 0);
  CHECK(r.out == scenario + ": valid\n");
}

TEST_CASE("validate: a file over the 16 MiB input limit gets one clear error") {
  std::string path = (std::filesystem::temp_directory_path() / "flowcost_validate_huge.asl.json").string();
  {
    std::ofstream out(path, std::ios::binary);
    out << "{\"Comment\": \"" << std::string(17u * 1024u * 1024u, 'x') << "\", \"StartAt\": \"A\"}";
  }
  auto r = run_flowcost({"validate", path});
  std::filesystem::remove(path);
  CHECK(r.code == 1);
  CHECK(r.out == "");
  CHECK(r.err.rfind(path + ": error: file is too large (", 0) == 0);
}

TEST_CASE("validate: a scenario's duplicate key is reported once") {
  std::string scenario = asl("scenario/duplicate_key.yaml");
  auto r = run_flowcost({"validate", scenario});
  CHECK(r.code == 1);
  CHECK(r.err == scenario + ":3:1: error: duplicate key \"title\" (first defined at line 2)\ntitle: again\n^\n");
}

TEST_CASE("validate: a SAM template checks every state machine, errors at their line in the template") {
  // Thumbnails is valid; Report's DefinitionString (a YAML block under !Sub) has a bad TimeoutSeconds.
  std::string file = std::string(FLOWCOST_TEST_DATA) + "/templates/sam_inline.yaml";
  auto r = run_flowcost({"validate", file});
  CHECK(r.code == 1);
  CHECK(r.out == "");
  CHECK(r.err == file + ":41:33: error: state \"Tell\": \"TimeoutSeconds\" must be an integer, not a string\n"
                        "              \"TimeoutSeconds\": \"soon\",\n"
                        "                                ^\n");
}

TEST_CASE("validate: a placeholder left unsubstituted is a warning in the definition file") {
  std::string file = std::string(FLOWCOST_TEST_DATA) + "/templates/sam_uri.yaml";
  std::string definition = std::string(FLOWCOST_TEST_DATA) + "/templates/statemachine/order.asl.json";
  auto r = run_flowcost({"validate", file});
  CHECK(r.code == 0);
  CHECK(r.out == file + ": valid\n");
  CHECK(r.err == definition +
                     ":19:19: warning: placeholder \"${NotifyArn}\" is left as it is (DefinitionSubstitutions has no "
                     "\"NotifyArn\"); flowcost reads the definition with the placeholder in place\n"
                     "      \"Resource\": \"${NotifyArn}\",\n"
                     "                  ^\n");
}

TEST_CASE("validate: an error in a YAML anchor's node is reported once, not once per alias") {
  const std::string file = std::string(FLOWCOST_TEST_DATA) + "/scenario/anchor_error.yaml";
  auto r = run_flowcost({"validate", file});
  CHECK(r.code == 1);
  CHECK(r.err == file + ":11:29: error: memory_mb must be a whole number from 128 to 10240 (Lambda's range)\n"
                        "        lambda: {memory_mb: 100000}\n"
                        "                            ^\n");
}
