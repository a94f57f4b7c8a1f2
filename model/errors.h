#pragma once
// The two error types of flowcost. InputError: the user's input is wrong (exit code 1); it carries one
// or more positioned diagnostics. InternalError: an invariant of flowcost itself broke (exit code 2).
#include <stdexcept>
#include <string>
#include <vector>

#include "model/diagnostics.h"

namespace flowcost::model {

class InputError : public std::runtime_error {
 public:
  InputError(const SourceLocation& where, const std::string& message);
  explicit InputError(std::vector<Diagnostic> diagnostics);

  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

class InternalError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

}  // namespace flowcost::model
