#pragma once
// The files a load read: path as opened -> SHA-256 of its bytes. Every loader in model/ records each
// file it reads here (scenario, ASL definitions, `execution:` children, mock configs, empirical CSVs),
// so that reports name every input and `-o` can refuse to overwrite any of them.
#include <map>
#include <string>

namespace flowcost::model {

using InputFiles = std::map<std::string, std::string>;

inline void add_input_files(InputFiles& to, const InputFiles& from) { to.insert(from.begin(), from.end()); }

}  // namespace flowcost::model
