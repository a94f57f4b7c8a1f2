#pragma once
// Text built from pieces of a template (a DefinitionString written as a YAML block, a JSON string, the
// parts of Fn::Join, Fn::Sub with its variables replaced), with the position in the template of every
// byte, so that a definition parsed from the text reports its problems where the user wrote them
// (docs/scenario-format.md "Definitions in CloudFormation, SAM and CDK templates").
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"
#include "model/document.h"
#include "model/line_index.h"
#include "model/source_file.h"

namespace flowcost::model::templates {

struct TextOrigin {
  int line = 0;
  int column = 0;
};

struct MappedText {
  std::string file;  // the file every origin is in
  std::string text;
  std::vector<TextOrigin> origin;  // one per byte of text

  // Appends `s`, every byte at `at`.
  void append(std::string_view s, const SourceLocation& at);
  void append(const MappedText& other);
};

// The text of a string scalar of `source`, each byte at its own position when the scalar is a literal
// block (`|`, `|-`, `|+`), a folded block (`>`, `>-`) of evenly indented lines without blank ones, or a
// double-quoted, single-quoted or plain scalar on one line, whose bytes can be traced in the file;
// otherwise (multi-line quoted or plain scalars, other folded blocks) every byte at the scalar's position.
MappedText scalar_text(const Node& scalar, const SourceFile& source);
// The same with the file's lines already indexed (`lines` indexes the text of the file named `path`), so
// that many scalars of one file cost one index.
MappedText scalar_text(const Node& scalar, const std::string& path, const LineIndex& lines);

// The whole text of `file`, each byte at its own line and column.
MappedText file_text(const SourceFile& file);

// Moves every position of `root` (a tree parsed from `mapped.text`: lines and columns of that text) to
// its origin in `mapped.file`.
void remap(Node& root, const MappedText& mapped);

// The same for one diagnostic reported on `mapped.text` under any path; `lines` indexes `mapped.text`.
Diagnostic remap(Diagnostic d, const MappedText& mapped, const LineIndex& lines);

}  // namespace flowcost::model::templates
