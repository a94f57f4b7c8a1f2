#pragma once
// Messages about meter names, shared by the table loader and `flowcost quote`.
#include <string>
#include <string_view>

namespace flowcost::pricing {

// `unknown meter "lambda.request"; did you mean "lambda.requests"?` when a name is close; otherwise the
// meters of the same service (`unknown meter "lambda.invocations"; meters of lambda: lambda.requests, ...`)
// or, for an unknown service, the list of services.
std::string unknown_meter_message(std::string_view name);

}  // namespace flowcost::pricing
