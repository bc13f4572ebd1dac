#pragma once
// What a row of each register must hold to be loaded. A register is configuration an
// operator supplies, so a bad row stops the load with the line and the column at fault
// rather than leaving a person unmatchable for reasons nobody can see.
#include <optional>
#include <string>
#include <vector>

#include "infra/registers/RegisterKey.h"

namespace tessera::infra {

// Why the row (its fields in registerColumns(kind) order) cannot be loaded, naming the
// column but not the value; nullopt when it is fine.
std::optional<std::string> registerRowProblem(RegisterKind kind, const std::vector<std::string>& fields);

}  // namespace tessera::infra
