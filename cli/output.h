#pragma once
// Writing results: to standard output, or atomically to a file (a temporary file in the same folder,
// then a rename), never over one of the inputs.
#include <iosfwd>
#include <string>
#include <vector>

namespace flowcost::cli {

// `path` empty or "-": write to `out`. Otherwise write the whole `content` atomically to `path`.
// Throws model::InputError when `path` is one of `inputs` or cannot be written.
void write_output(const std::string& path, const std::string& content, std::ostream& out,
                  const std::vector<std::string>& inputs);
// The same checks before any work (a long batch or run should not end in "cannot write"), and a trial
// file in the target folder, removed again. Nothing is written to `path` itself.
void check_output(const std::string& path, const std::vector<std::string>& inputs);

}  // namespace flowcost::cli
