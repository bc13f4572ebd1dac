// A service's verified_claims request (OpenID Connect for Identity Assurance 1.0 §6): the front
// channel refuses a malformed one with invalid_request and a message saying what is wrong; the
// back channel reads the stored request again, member by member.
#include <catch2/catch.hpp>

#include "core/oidc/ClaimsParameter.h"
#include "core/oidc/VerifiedClaimsRequest.h"

using namespace tessera;
using namespace tessera::core::oidc;

namespace {

std::string inUserinfo(const std::string& verifiedClaims) {
    return R"({"userinfo":{"verified_claims":)" + verifiedClaims + "}}";
}

}  // namespace

TEST_CASE("Well-formed verified_claims requests are accepted", "[oidc][ida]") {
    for (const std::string good : {
             R"({"verification":{"trust_framework":null},"claims":{"given_name":null}})",
             R"({"verification":{"trust_framework":{"values":["uk_tfida","eidas"]},"assurance_level":{"value":"x"},)"
             R"("time":{"max_age":31536000},"evidence":[{"type":{"value":"document"},"document_details":{"type":null}},)"
             R"({"type":{"value":"electronic_record"},"check_details":[{"check_method":null}]}],"verification_process":null},)"
             R"("claims":{"given_name":{"essential":true,"purpose":"To address you"},"address":null}})",
             R"([{"verification":{"trust_framework":null},"claims":{"birthdate":null}},)"
             R"({"verification":{"trust_framework":{"value":"eidas"}},"claims":{"family_name":null}}])",
         }) {
        INFO(good);
        auto parsed = parseClaimsParameter(inUserinfo(good));
        REQUIRE(parsed);
        CHECK(parsed->names == std::vector<std::string>{"verified_claims"});
    }
}

TEST_CASE("A malformed verified_claims request is refused with what is wrong", "[oidc][ida]") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"null", "object or an array"},
        {"1", "object or an array"},
        {"[]", "1 to 8"},
        {"[1]", "object or an array"},
        {R"({"claims":{"given_name":null}})", "verification object"},
        {R"({"verification":{},"claims":{"given_name":null}})", "trust_framework"},
        {R"({"verification":{"trust_framework":null}})", "claims object"},
        {R"({"verification":{"trust_framework":null},"claims":{}})", "claims object"},
        {R"({"verification":{"trust_framework":null},"claims":["given_name"]})", "claims object"},
        {R"({"verification":{"trust_framework":null},"claims":{"given_name":1}})", "each claim in claims"},
        {R"({"verification":{"trust_framework":null},"claims":{"given_name":null},"extra":1})", "only verification and claims"},
        {R"({"verification":{"trust_framework":"uk_tfida"},"claims":{"given_name":null}})", "trust_framework must be null"},
        {R"({"verification":{"trust_framework":{"values":[]}},"claims":{"given_name":null}})", "non-empty array of strings"},
        {R"({"verification":{"trust_framework":{"value":1}},"claims":{"given_name":null}})", "value in verification.trust_framework must be a string"},
        {R"({"verification":{"trust_framework":{"purpose":"x"}},"claims":{"given_name":null}})", "3 to 300"},
        {R"({"verification":{"trust_framework":{"max_age":5}},"claims":{"given_name":null}})", "max_age"},
        {R"({"verification":{"trust_framework":null,"time":{"max_age":-1}},"claims":{"given_name":null}})", "max_age"},
        {R"({"verification":{"trust_framework":null,"evidence":{}},"claims":{"given_name":null}})", "array of evidence"},
        {R"({"verification":{"trust_framework":null,"evidence":[]},"claims":{"given_name":null}})", "1 to 8"},
        {R"({"verification":{"trust_framework":null,"evidence":[{}]},"claims":{"given_name":null}})", "name its type"},
        {R"({"verification":{"trust_framework":null,"evidence":[{"type":{"values":["document"]}}]},)"
         R"("claims":{"given_name":null}})",
         "name its type"},
    };
    for (const auto& [bad, says] : cases) {
        INFO(bad);
        auto refused = parseClaimsParameter(inUserinfo(bad));
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == "invalid_request");
        CHECK_THAT(refused.error().message, Catch::Contains(says));
    }
    std::string nine = "[";
    for (int i = 0; i < 9; ++i)
        nine += std::string(i ? "," : "") + R"({"verification":{"trust_framework":null},"claims":{"given_name":null}})";
    CHECK_FALSE(parseClaimsParameter(inUserinfo(nine + "]")));
}

TEST_CASE("The back channel reads the verified_claims request of each member", "[oidc][ida]") {
    const std::string stored =
        R"({"userinfo":{"verified_claims":{"verification":{"trust_framework":null},"claims":{"given_name":null,"address":null}}},)"
        R"("id_token":{"verified_claims":[{"verification":{"trust_framework":null},"claims":{"birthdate":null}}],"email":null}})";
    auto userinfo = verifiedClaimsRequestIn(stored, "userinfo");
    REQUIRE(userinfo);
    CHECK_FALSE(userinfo->asArray);
    REQUIRE(userinfo->queries.size() == 1);
    CHECK(userinfo->queries[0].claimNames == std::vector<std::string>{"address", "given_name"});
    auto idToken = verifiedClaimsRequestIn(stored, "id_token");
    REQUIRE(idToken);
    CHECK(idToken->asArray);
    CHECK(idToken->queries.at(0).claimNames == std::vector<std::string>{"birthdate"});
    CHECK(verifiedClaimNamesIn(stored) == std::vector<std::string>{"address", "given_name", "birthdate"});

    CHECK_FALSE(verifiedClaimsRequestIn("", "userinfo"));
    CHECK_FALSE(verifiedClaimsRequestIn("not json", "userinfo"));
    CHECK_FALSE(verifiedClaimsRequestIn(R"({"userinfo":{"email":null}})", "userinfo"));
    CHECK_FALSE(verifiedClaimsRequestIn(stored, "other"));
}
