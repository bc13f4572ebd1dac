#pragma once
// Checking a passport or driving licence against its document register, as LoA 3 needs
// where a register is configured. The number (upper-cased, letters and digits only) finds
// the document; its status comes from the register (NotFound when it holds no such
// number), and the claimed fields are compared with it: given names (Full agreement,
// NameComparison.h, so "Bill" for "William" passes), family name (compact form), date of
// birth and expiry date (equal dates). Whether a Valid document with a mismatching field
// is accepted is the caller's decision; the check reports, it does not decide.
#include <string>
#include <string_view>
#include <vector>

#include "core/registers/MatchTypes.h"
#include "core/registers/NameVariants.h"
#include "infra/registers/RegisterConnector.h"
#include "tessera/shared/CalendarDate.h"

namespace tessera::core {

struct DocumentClaim {
    std::string documentType;  // passport, driving_licence
    std::string number;
    std::string givenNames, familyName;
    CalendarDate dateOfBirth, expiryDate;
};

enum class DocumentStatus { Valid, Lost, Stolen, Cancelled, NotFound };
std::string_view toString(DocumentStatus status);  // "valid", "lost", "stolen", "cancelled", "not_found"

struct DocumentCheck {
    DocumentStatus status = DocumentStatus::NotFound;
    // documentNumber (found or not), then when found: givenNames, familyName, dateOfBirth, expiryDate.
    std::vector<FieldResult> fields;
};

class DocumentRegisterCheck {
public:
    DocumentRegisterCheck(infra::RegisterConnector& reg, const NameVariants& variants) : reg_(reg), variants_(variants) {}

    // Errors: Invalid (field documentType "invalid_choice", documentNumber "required");
    // Unavailable "register_unavailable".
    Result<DocumentCheck> check(const DocumentClaim& claim);

private:
    infra::RegisterConnector& reg_;
    const NameVariants& variants_;
};

}  // namespace tessera::core
