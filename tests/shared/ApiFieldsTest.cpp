#include <catch2/catch.hpp>

#include <set>
#include <string_view>

#include "tessera/shared/ApiFields.h"

namespace field = tessera::field;

TEST_CASE("API field names are the ones the API sketch uses", "[api-fields]") {
    CHECK(field::kName == "name");
    CHECK(field::kEmail == "email");
    CHECK(field::kPassword == "password");
    CHECK(field::kLanguage == "language");
    CHECK(field::kAcceptTerms == "acceptTerms");
    CHECK(field::kConsent == "consent");
    CHECK(field::kCode == "code");
    CHECK(field::kRecoveryCode == "recoveryCode");
    CHECK(field::kPreferredName == "preferredName");
    CHECK(field::kDateOfBirth == "dateOfBirth");
    CHECK(field::kSex == "sex");
    CHECK(field::kPhone == "phone");
    CHECK(field::kAddress == "address");
}

TEST_CASE("Nested address paths are built from their parts", "[api-fields]") {
    const auto path = [](std::string_view leaf) {
        return std::string(field::kAddress) + "." + std::string(leaf);
    };
    CHECK(field::kAddressLine1 == path(field::kLine1));
    CHECK(field::kAddressLine2 == path(field::kLine2));
    CHECK(field::kAddressTown == path(field::kTown));
    CHECK(field::kAddressPostcode == path(field::kPostcode));
}
