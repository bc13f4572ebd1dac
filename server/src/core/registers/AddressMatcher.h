#pragma once
// Matching a claimed address against the address register (UPRN), as LoA 1 needs.
//
// Candidates are the register's addresses at the claimed postcode (compared without
// spaces or case). The first line is folded (TextFolding.h) into tokens, common
// abbreviations written one way (St = Street = Saint, Rd = Road, Ave = Avenue, Flat = Apt
// ...; see AddressLine.cpp), and the token lists must be equal: so the house and flat
// numbers must be equal too, and "Flat 2, 10 High St" is not "10 High Street". When the
// first lines differ, line 1 and line 2 together are compared the same way, for a flat
// written on line 1 on one side and on line 2 on the other. The town is not compared: the
// postcode decides it.
// Matched (with the UPRN) or NoMatch; a register listing one address twice gives the
// first in register order.
#include <string>
#include <vector>

#include "core/registers/MatchTypes.h"
#include "infra/registers/RegisterConnector.h"

namespace tessera::core {

struct AddressClaim {
    std::string line1, line2, town, postcode;
};

struct AddressMatch {
    MatchOutcome outcome = MatchOutcome::NoMatch;  // Matched or NoMatch only
    std::string uprn;                              // when Matched
    std::vector<FieldResult> fields;               // address.line1, address.postcode
};

class AddressMatcher {
public:
    explicit AddressMatcher(infra::RegisterConnector& reg) : reg_(reg) {}

    // Errors: Invalid (field address.postcode "required"/"invalid_format", address.line1
    // "required"); Unavailable "register_unavailable" from the register.
    Result<AddressMatch> match(const AddressClaim& claim);

private:
    infra::RegisterConnector& reg_;
};

// The tokens an address line is compared by ("10, High St." gives {"10", "high", "st"}).
std::vector<std::string> addressLineTokens(std::string_view line);

}  // namespace tessera::core
