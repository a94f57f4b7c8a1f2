#pragma once
// A parsed YAML or JSON document as a tree that keeps the position of every node and key, knows
// whether a scalar was quoted (a string) or plain (number, boolean, null or string), and has no
// duplicate keys (they are reported). libyaml, the reference C parser of YAML (Debian's libyaml-dev), reads
// both formats; this tree is built from its event stream (model/document.cpp), which is also where the tree
// checks for duplicate keys, applies merge keys and bounds what aliases can expand to.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"
#include "model/source_file.h"
#include "model/source_location.h"

namespace flowcost::model {

struct Member;

class Node {
 public:
  enum class Kind { null, scalar, sequence, mapping };

  Kind kind = Kind::null;
  SourceLocation loc;
  std::string text;     // scalar text (empty for others)
  bool quoted = false;  // a quoted scalar is always a string
  std::string tag;      // a local YAML tag such as "!Sub" (CloudFormation's short forms); empty when none
  std::vector<Node> items;      // sequence elements
  std::vector<Member> members;  // mapping entries in file order

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_mapping() const { return kind == Kind::mapping; }

  // Typed views (YAML 1.2 core schema; JSON is a subset). Empty when the node is not of that type.
  bool is_string() const;                      // a quoted scalar, or a plain one that is not a number/bool
  std::optional<double> number() const;        // plain scalar: 12, -3.5, 1e3, .inf, .nan
  std::optional<std::int64_t> integer() const; // plain scalar that is an exact integer (12, 12.0 is not)
  std::optional<bool> boolean() const;         // plain true/false (True, TRUE too)

  // "string", "number", "boolean", "null", "array", "object": for messages.
  std::string type_name() const;

  // Mapping look-up by key (nullptr when absent or not a mapping).
  const Node* find(std::string_view key) const;
  const Member* find_member(std::string_view key) const;
};

struct Member {
  std::string key;
  SourceLocation key_loc;
  Node value;
};

struct ParseLimits {
  std::size_t max_depth = 100;        // nesting of sequences and mappings
  std::size_t max_nodes = 2'000'000;  // after alias expansion (defends against alias bombs)
};

// Parses the first document of `file`. Syntax errors, duplicate keys, non-scalar keys, an empty file,
// too deep nesting and too many nodes are reported to `diags`; returns std::nullopt when no tree could
// be built. A file with duplicate keys still yields a tree (first occurrence kept).
std::optional<Node> parse_document(const SourceFile& file, Diagnostics& diags,
                                   const ParseLimits& limits = {});

// Convenience: parse_document, then throw InputError if any error was reported.
Node parse_document_or_throw(const SourceFile& file, const ParseLimits& limits = {});

}  // namespace flowcost::model
