#include "core/oidc/CitizenClaims.h"

namespace tessera::core::oidc {

namespace {

void setIfAny(Poco::JSON::Object& out, const std::string& name, const std::string& value) {
    if (!value.empty()) out.set(name, value);
}

// OpenID Connect Core §5.1.1. Addresses are British (postcodes are validated as UK ones).
Poco::JSON::Object::Ptr britishAddress(const Address& a) {
    Poco::JSON::Object::Ptr out = new Poco::JSON::Object;
    std::string street = a.line1;
    if (!a.line2.empty()) street += (street.empty() ? "" : "\n") + a.line2;
    std::string formatted = street;
    for (const auto* part : {&a.town, &a.postcode})
        if (!part->empty()) formatted += (formatted.empty() ? "" : "\n") + *part;
    formatted += (formatted.empty() ? "" : "\n") + std::string("United Kingdom");
    out->set("formatted", formatted);
    setIfAny(*out, "street_address", street);
    setIfAny(*out, "locality", a.town);
    setIfAny(*out, "postal_code", a.postcode);
    out->set("country", "GB");
    return out;
}

void addClaim(Poco::JSON::Object& out, const Account& account, const std::string& name) {
    if (name == "name") setIfAny(out, name, account.name);
    else if (name == "email") setIfAny(out, name, account.email);
    else if (name == "email_verified") { if (!account.email.empty()) out.set(name, account.emailVerified); }
    else if (name == "birthdate") setIfAny(out, name, account.dateOfBirth);
    // OpenID Connect defines female and male; "unspecified" is the citizen's choice not to say.
    else if (name == "gender") { if (account.sex == "female" || account.sex == "male") out.set(name, account.sex); }
    else if (name == "address") { if (!account.address.empty()) out.set(name, britishAddress(account.address)); }
    else if (name == "phone_number") setIfAny(out, name, account.phone);
}

}  // namespace

Poco::JSON::Object::Ptr addressClaim(const Address& address) { return britishAddress(address); }

const std::vector<std::string>& suppliedCitizenClaims() {
    static const std::vector<std::string> v{"name",   "email",   "email_verified", "birthdate",
                                            "gender", "address", "phone_number"};
    return v;
}

void addCitizenClaims(Poco::JSON::Object& out, const Account& account, const std::vector<std::string>& names) {
    for (const auto& name : names) addClaim(out, account, name);
}

}  // namespace tessera::core::oidc
