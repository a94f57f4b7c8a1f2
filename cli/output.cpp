#include "cli/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <ostream>

#include "model/errors.h"

namespace flowcost::cli {

namespace fs = std::filesystem;

namespace {

model::SourceLocation at(const std::string& path) { return {path, 0, 0}; }

std::string reason(int error) { return std::strerror(error); }

// What `-o PATH` names, once checked against the inputs.
struct Target {
  enum class Kind { file, in_place } kind = Kind::file;
  std::string path;  // file: the regular file to create or replace (symbolic links resolved); in_place: PATH
};

bool same_file(const struct stat& a, const struct stat& b) { return a.st_dev == b.st_dev && a.st_ino == b.st_ino; }

Target inspect(const std::string& path, const std::vector<std::string>& inputs) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    for (const auto& input : inputs) {
      struct stat in {};
      if (::stat(input.c_str(), &in) == 0 && same_file(st, in))
        throw model::InputError(at(path), "refusing to overwrite input file " + input);
    }
    if (S_ISDIR(st.st_mode)) throw model::InputError(at(path), "output path is a folder");
    if (!S_ISREG(st.st_mode)) return {Target::Kind::in_place, path};  // device, FIFO, socket: write through
    std::error_code ec;
    const fs::path real = fs::canonical(path, ec);  // through symbolic links, to the file they name
    if (ec) throw model::InputError(at(path), "cannot resolve the output path: " + ec.message());
    return {Target::Kind::file, real.string()};
  }
  const int error = errno;
  struct stat link {};
  if (::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode))
    throw model::InputError(at(path), "output path is a symbolic link to a file that does not exist");
  if (error != ENOENT) throw model::InputError(at(path), "cannot write output file: " + reason(error));
  return {Target::Kind::file, path};
}

fs::path folder_of(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? fs::path(".") : parent;
}

fs::path temporary_next_to(const std::string& display, const std::string& path) {
  const fs::path folder = folder_of(path);
  struct stat st {};
  if (::stat(folder.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
    throw model::InputError(at(display), "output folder does not exist");
  return folder / ("." + fs::path(path).filename().string() + ".tmp" + std::to_string(::getpid()));
}

// Writes every byte of `content` to `fd`; the errno of the failure otherwise.
int write_all(int fd, const std::string& content) {
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    done += static_cast<std::size_t>(n);
  }
  return 0;
}

int open_new(const fs::path& tmp) {
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0 && errno == EEXIST) {  // left behind by a killed run of the same process id
    ::unlink(tmp.c_str());
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  }
  return fd;
}

// An output written to its temporary file, not yet renamed over its target.
struct Staged {
  std::string display;  // as the user named it
  fs::path tmp, target;
};

// Writes `content` to a temporary file next to `path` with the permissions of the file it will replace
// (a new file gets 0666 less the umask); throws (and leaves nothing) when that fails.
Staged stage(const std::string& display, const std::string& path, const std::string& content) {
  const fs::path tmp = temporary_next_to(display, path);
  const int fd = open_new(tmp);
  if (fd < 0) throw model::InputError(at(display), "cannot write output file: " + reason(errno));
  int error = 0;
  struct stat old {};
  if (::stat(path.c_str(), &old) == 0 && S_ISREG(old.st_mode) && ::fchmod(fd, old.st_mode & 07777) != 0) error = errno;
  if (error == 0) error = write_all(fd, content);
  if (error == 0 && ::fsync(fd) != 0 && errno != EINVAL) error = errno;
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error != 0) {
    ::unlink(tmp.c_str());
    throw model::InputError(at(display), "cannot write output file: " + reason(error));
  }
  return {display, tmp, path};
}

void discard(const std::vector<Staged>& staged) {
  for (const auto& s : staged) ::unlink(s.tmp.c_str());
}

void write_in_place(const std::string& path, const std::string& content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) throw model::InputError(at(path), "cannot write output file: " + reason(errno));
  int error = write_all(fd, content);
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error != 0) throw model::InputError(at(path), "cannot write output file: " + reason(error));
}

}  // namespace

void check_output(const std::string& path, const std::vector<std::string>& inputs) {
  if (path.empty() || path == "-") return;
  const Target target = inspect(path, inputs);
  if (target.kind == Target::Kind::in_place) {
    if (::access(path.c_str(), W_OK) != 0) throw model::InputError(at(path), "cannot write output file: " + reason(errno));
    return;
  }
  const fs::path tmp = temporary_next_to(path, target.path);
  const int fd = open_new(tmp);
  if (fd < 0) throw model::InputError(at(path), "cannot write output file: " + reason(errno));
  ::close(fd);
  ::unlink(tmp.c_str());
}

void write_outputs(const std::vector<OutputFile>& files, std::ostream& out, const std::vector<std::string>& inputs) {
  // Every file first to its temporary (the first failure removes them all), then the devices and
  // standard output, then the renames: a failure before the renames leaves no output of the command.
  std::vector<Staged> staged;
  std::vector<const OutputFile*> direct;
  try {
    for (const auto& f : files) {
      if (f.path.empty() || f.path == "-") {
        direct.push_back(&f);
        continue;
      }
      const Target target = inspect(f.path, inputs);
      if (target.kind == Target::Kind::in_place) direct.push_back(&f);
      else staged.push_back(stage(f.path, target.path, f.content));
    }
    for (const OutputFile* f : direct) {
      if (f->path.empty() || f->path == "-") {
        out << f->content;
        finish_standard_output(out);
      } else {
        write_in_place(f->path, f->content);
      }
    }
  } catch (...) {
    discard(staged);
    throw;
  }
  for (std::size_t i = 0; i < staged.size(); ++i) {
    if (::rename(staged[i].tmp.c_str(), staged[i].target.c_str()) != 0) {
      const int error = errno;
      discard(std::vector<Staged>(staged.begin() + static_cast<std::ptrdiff_t>(i), staged.end()));
      throw model::InputError(at(staged[i].display), "cannot write output file: " + reason(error));
    }
  }
}

void write_output(const std::string& path, const std::string& content, std::ostream& out,
                  const std::vector<std::string>& inputs) {
  write_outputs({{path, content}}, out, inputs);
}

bool is_regular_output(const std::string& path, const std::vector<std::string>& inputs) {
  if (path.empty() || path == "-") return false;
  return inspect(path, inputs).kind == Target::Kind::file;
}

void check_distinct_outputs(const std::string& first, const std::string& second) {
  auto standard = [](const std::string& p) { return p.empty() || p == "-"; };
  bool same = standard(first) && standard(second);
  if (!standard(first) && !standard(second)) {
    std::error_code ec;
    same = fs::absolute(first, ec).lexically_normal() == fs::absolute(second, ec).lexically_normal() ||
           fs::equivalent(first, second, ec);
  }
  if (same)
    throw model::InputError(at(standard(second) ? "-" : second),
                            "two outputs of one command go to the same place; give each its own file");
}

void append_paths(const model::InputFiles& files, std::vector<std::string>& out) {
  for (const auto& [path, sha256] : files) out.push_back(path);
}

void append_run_paths(const std::vector<std::string>& run_paths, const std::string& scenario_path,
                      std::vector<std::string>& out) {
  out.insert(out.end(), run_paths.begin(), run_paths.end());
  out.push_back(scenario_path);
}

void finish_standard_output(std::ostream& out) {
  out.flush();
  if (!out) throw model::InputError(at("standard output"), "cannot write the output (closed, or the disk is full)");
}

}  // namespace flowcost::cli
