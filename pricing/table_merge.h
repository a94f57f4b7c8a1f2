#pragma once
// `flowcost prices merge BASE OVERLAY... [-o FILE]`: one price table from a base and overlays applied in order
// (docs/price-tables.md#merging-tables). Each overlay's `meters:` entries replace the base's entries of the
// same meters whole (every rate line of that meter, with its source); the base's other meters are kept. A
// meter an overlay prices leaves the merged `gaps:`; an overlay's gap is added only for a meter the merged
// table does not price. `table:` is the given name or the base's; `region:` must be the same in every table
// (else an error unless forced: the base's region is kept); `effective_date:` is the newest of all (the date
// of the newest source used, as the format defines it); `metering:` is the base's; `description:` and the
// header comment list every input table with its path, name, effective date and SHA-256, and the meters each
// overlay replaced. The result is YAML text that load_price_table accepts.
#include <string>
#include <vector>

namespace flowcost::pricing {

struct MergeOptions {
  std::string name;           // empty: the base's name
  bool force_region = false;  // tables of different regions: merge anyway (the base's region)
};

struct MergeResult {
  std::string yaml;
  std::vector<std::string> replaced;  // "OVERLAY_NAME: meter, meter": what each overlay replaced or added
  std::vector<std::string> inputs;    // the paths read
};

// `tables`: the base, then the overlays (shipped names or paths). Every table must load (its errors are
// thrown); fewer than two tables, or a region mismatch without `force_region`, is a model::InputError.
MergeResult merge_price_tables(const std::vector<std::string>& tables, const MergeOptions& options);

}  // namespace flowcost::pricing
