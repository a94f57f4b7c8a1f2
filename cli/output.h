#pragma once
// Writing results (docs/cli.md "Output files"): to standard output, or to a file named by `-o`, never
// over one of the files the command reads.
//
// - An input is recognised by identity (same device and inode), not by spelling: `./a.csv`, a hard link
//   or a symbolic link to an input are all refused.
// - A regular file (or a new one) is written atomically: a temporary file in the same folder, then a
//   rename over the target; the file keeps the permissions of the one it replaces.
// - A symbolic link is followed: the file it points to is replaced atomically, the link stays. A link
//   that points nowhere is refused.
// - A device, FIFO or socket (`-o /dev/null`, `-o /dev/stdout`, a named pipe) is opened and written in
//   place, never replaced.
// - A folder is refused.
// A write that fails (disk full, closed standard output) is an error (exit 1), never a silent success.
#include <iosfwd>
#include <string>
#include <vector>

#include "model/input_files.h"

namespace flowcost::cli {

// `path` empty or "-": write to `out` and flush it (throws model::InputError when the stream fails).
// Otherwise write the whole `content` to `path` as described above. Throws model::InputError when `path`
// is one of `inputs` or cannot be written; nothing is written then.
void write_output(const std::string& path, const std::string& content, std::ostream& out,
                  const std::vector<std::string>& inputs);

// Several outputs of one command (`run -o` and `--per-draw`, `fit`'s report and its sample CSVs), all or
// none: every file is written to its temporary first, then devices and standard output, then every
// temporary is renamed over its target; a failure before the renames leaves none of them written.
struct OutputFile {
  std::string path;  // empty or "-": standard output
  std::string content;
};
void write_outputs(const std::vector<OutputFile>& files, std::ostream& out, const std::vector<std::string>& inputs);

// True when `path` names a regular file (or a new one), not standard output or a device.
bool is_regular_output(const std::string& path, const std::vector<std::string>& inputs);

// The same checks before any work (a long batch or run should not end in "cannot write"): `path` is not
// an input, its folder exists and is writable (a trial file, removed again). Nothing is written to `path`.
void check_output(const std::string& path, const std::vector<std::string>& inputs);

// Two outputs of one command (`-o` and `--per-draw`) must not be the same file, nor both standard output
// (empty or "-"); throws model::InputError otherwise.
void check_distinct_outputs(const std::string& first, const std::string& second);

// The paths of `files`, appended to `out`.
void append_paths(const model::InputFiles& files, std::vector<std::string>& out);

// A scenario's run as an input of a command that writes (`merge` of its shards): every file the run read
// (`run_paths`, a session's input_paths) and the scenario itself, appended to `out`.
void append_run_paths(const std::vector<std::string>& run_paths, const std::string& scenario_path,
                      std::vector<std::string>& out);

// Flushes `out`; throws model::InputError naming standard output when the stream has failed.
void finish_standard_output(std::ostream& out);

}  // namespace flowcost::cli
