#include "core/oidc/IdentityAssurance.h"

#include <cstdio>

#include "tessera/shared/CalendarDate.h"

namespace tessera::core::oidc::ida {

const std::vector<std::string>& claimsInVerifiedClaims() {
    static const std::vector<std::string> v{"given_name", "family_name", "birthdate", "address"};
    return v;
}

const std::vector<std::string>& evidenceTypes() {
    static const std::vector<std::string> v{"document", "electronic_record"};
    return v;
}

const std::vector<std::string>& documentTypes() {
    static const std::vector<std::string> v{"passport", "driving_permit", "idcard"};
    return v;
}

const std::vector<std::string>& electronicRecordTypes() {
    static const std::vector<std::string> v{"birth_register", "address_register", "council_tax_register",
                                            "entitlement_card_register"};
    return v;
}

const std::vector<std::string>& documentCheckMethods() {
    static const std::vector<std::string> v{"vri", "pvr", "data"};
    return v;
}

std::string documentType(std::string_view tesseraType) {
    if (tesseraType == "passport") return "passport";
    if (tesseraType == "driving_licence") return "driving_permit";
    if (tesseraType == "national_identity_card") return "idcard";
    return {};
}

std::string knownFactRecordType(std::string_view factType) {
    if (factType == "council_tax_reference") return "council_tax_register";
    if (factType == "entitlement_card_number") return "entitlement_card_register";
    return std::string(factType) + "_register";
}

std::string utcDateTime(std::int64_t unixSeconds) {
    constexpr std::int64_t kDay = 24 * 60 * 60;
    const std::int64_t inDay = ((unixSeconds % kDay) + kDay) % kDay;
    char time[40];
    std::snprintf(time, sizeof time, "T%02d:%02d:%02dZ", int(inDay / 3600), int(inDay / 60 % 60), int(inDay % 60));
    return toIsoString(dateFromUnixSeconds(unixSeconds)) + time;
}

}  // namespace tessera::core::oidc::ida
